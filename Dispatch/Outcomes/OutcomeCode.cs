namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// What a field visit found, as the municipalities record it; the labels training learns from. Three codes came first
/// (<see cref="Supported"/>, <see cref="NotEligible"/>, <see cref="Unreachable"/>) and files with only those still
/// import. The others are the results the real system records besides them: support of a named kind, already receiving
/// the support, refused, moved away, and other (in hospital, in a facility, deceased …). What each means as a training
/// label is <see cref="LabelOf"/>; docs/SIMULATION.md, "Outcomes", gives the reasons per variant.
/// </summary>
public static class OutcomeCode
{
    /// <summary>Support was given or linked, kind not stated (the first files had only this): a positive label.</summary>
    public const string Supported = "supported";

    /// <summary>Linked to basic livelihood security (기초생활보장: 생계·의료·주거·교육급여): a positive label.</summary>
    public const string SupportedLivelihood = "supported_livelihood";

    /// <summary>Emergency welfare support (긴급복지지원: one-off living, medical or housing aid): a positive label.</summary>
    public const string SupportedEmergency = "supported_emergency";

    /// <summary>Another public benefit or social service (바우처, 돌봄, 의료비, 주거 서비스 …): a positive label.</summary>
    public const string SupportedService = "supported_service";

    /// <summary>Linked to private resources (민간자원: food, donations, volunteer visits): a positive label.</summary>
    public const string SupportedPrivate = "supported_private";

    /// <summary>Child protection: an abuse report or protective measure (아동보호·학대신고): a positive label.</summary>
    public const string SupportedProtection = "supported_protection";

    /// <summary>Checked and found not eligible or not in need: a negative label, and a reason not to dispatch again soon.</summary>
    public const string NotEligible = "not_eligible";

    /// <summary>Already receiving the support the visit could give (기수급): a negative label (nothing left to discover), and a reason not to dispatch again soon.</summary>
    public const string AlreadyReceiving = "already_receiving";

    /// <summary>Reached, but declined the visit or the support: no label (need not established).</summary>
    public const string Refused = "refused";

    /// <summary>Could not be located or contacted: no label (excluded from training and counted).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Moved out of the 시군구 before the visit (전출): no label.</summary>
    public const string Moved = "moved";

    /// <summary>Anything else (in hospital, in a facility, deceased, a duplicate case …): no label.</summary>
    public const string Other = "other";

    /// <summary>Every code, support kinds first.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Supported, SupportedLivelihood, SupportedEmergency, SupportedService, SupportedPrivate, SupportedProtection,
        NotEligible, AlreadyReceiving, Refused, Unreachable, Moved, Other,
    ];

    /// <summary>True for <see cref="Supported"/> and every <c>supported_*</c> kind.</summary>
    public static bool IsSupported(string code) =>
        code is Supported or SupportedLivelihood or SupportedEmergency or SupportedService or SupportedPrivate or SupportedProtection;

    /// <summary>What <paramref name="code"/> means as a training label, the same for every variant; throws on an unknown code.</summary>
    public static OutcomeLabel LabelOf(string code) => code switch
    {
        _ when IsSupported(code) => OutcomeLabel.Positive,
        NotEligible or AlreadyReceiving => OutcomeLabel.Negative,
        Refused or Unreachable or Moved or Other => OutcomeLabel.None,
        _ => throw new ArgumentException($"'{code}' is not an outcome code; expected one of {string.Join(", ", All)}.", nameof(code)),
    };

    /// <summary>The Korean word a worklist and the portal show for <paramref name="code"/>.</summary>
    public static string Korean(string code) => code switch
    {
        Supported => "지원",
        SupportedLivelihood => "기초생활보장",
        SupportedEmergency => "긴급지원",
        SupportedService => "서비스연계",
        SupportedPrivate => "민간연계",
        SupportedProtection => "아동보호",
        NotEligible => "비대상",
        AlreadyReceiving => "기수급",
        Refused => "거부",
        Unreachable => "연락불가",
        Moved => "전출",
        Other => "기타",
        _ => throw new ArgumentException($"'{code}' is not an outcome code.", nameof(code)),
    };

    /// <summary>
    /// The code for <paramref name="text"/> (English codes in any case, or the Korean words officials write), or null.
    /// Spreadsheets capitalise the first letter of a cell by themselves, so case carries no meaning here; spaces inside
    /// the Korean words are ignored (officials write "지원 연계" and "지원연계" alike).
    /// </summary>
    public static string? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) switch
        {
            Supported or "지원" or "지원연계" => Supported,
            SupportedLivelihood or "기초생활보장" or "기초수급" or "생계급여" or "수급자선정" => SupportedLivelihood,
            SupportedEmergency or "긴급지원" or "긴급복지" or "긴급복지지원" => SupportedEmergency,
            SupportedService or "서비스연계" or "공공서비스" or "사회서비스" or "공공서비스연계" => SupportedService,
            SupportedPrivate or "민간연계" or "민간자원" or "민간자원연계" or "후원연계" => SupportedPrivate,
            SupportedProtection or "아동보호" or "학대신고" or "보호조치" => SupportedProtection,
            NotEligible or "비대상" or "해당없음" or "지원불필요" => NotEligible,
            AlreadyReceiving or "기수급" or "기수급자" or "이미지원" or "기지원" or "수급중" => AlreadyReceiving,
            Refused or "거부" or "지원거부" or "상담거부" or "거절" => Refused,
            Unreachable or "연락불가" or "소재불명" or "부재" => Unreachable,
            Moved or "전출" or "이사" or "주소이전" => Moved,
            Other or "기타" => Other,
            _ => null,
        };
    }
}
