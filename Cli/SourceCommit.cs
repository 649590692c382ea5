using System.Diagnostics;

namespace BlindSpot.Cli;

/// <summary>The git commit the command runs from, for model cards: <c>git rev-parse HEAD</c>, or "unknown" outside a repository.</summary>
internal static class SourceCommit
{
    public static string Find()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return "unknown";
            }

            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5_000);
            return git.ExitCode == 0 && text.Length == 40 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: the card says so rather than failing the training.
            return "unknown";
        }
    }
}
