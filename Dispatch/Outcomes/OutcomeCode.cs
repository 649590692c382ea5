namespace BlindSpot.Dispatch.Outcomes;

/// <summary>What a field visit found; the labels training learns from.</summary>
public static class OutcomeCode
{
    /// <summary>Support was given or linked: a positive label.</summary>
    public const string Supported = "supported";

    /// <summary>Checked and found not eligible: a negative label, and a reason not to dispatch again soon.</summary>
    public const string NotEligible = "not_eligible";

    /// <summary>Could not be located or contacted: no label (excluded from training and counted).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>
    /// The code for <paramref name="text"/> (English codes in any case, or the Korean words officials write), or null.
    /// Spreadsheets capitalise the first letter of a cell by themselves, so case carries no meaning here.
    /// </summary>
    public static string? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            Supported or "지원" or "지원연계" => Supported,
            NotEligible or "비대상" or "해당없음" => NotEligible,
            Unreachable or "연락불가" or "소재불명" => Unreachable,
            _ => null,
        };
    }
}
