using System.Diagnostics;

namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>
/// The peak working set of this process during a stage, for the stage record and the run report. On Linux the kernel's
/// high-water mark is reset before the stage ("5" into <c>/proc/self/clear_refs</c>), so the peak read afterwards is the
/// stage's own; elsewhere, or when the reset is refused, it is the process's peak so far. Stages that run at once in one
/// process (several workers) share the mark.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Resets the high-water mark; false when this system cannot.</summary>
    public static bool Reset()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak working set in bytes since the last <see cref="Reset"/> (or since the process started).</summary>
    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
