using System.Text;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>Outcome files as an officer makes them: the downloaded worklist CSV with its last two columns filled in.</summary>
internal static class Outcomes
{
    /// <summary>A CSV in the worklist layout with (worklist id, outcome, date) rows.</summary>
    public static byte[] Csv(params (string WorklistId, string Outcome, string Date)[] rows)
    {
        var text = new StringBuilder($"워크리스트ID,{WorklistColumns.OutcomeHeader},{WorklistColumns.OutcomeDateHeader}\r\n");
        foreach (var (id, outcome, date) in rows)
        {
            text.Append(id).Append(',').Append(outcome).Append(',').Append(date).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
