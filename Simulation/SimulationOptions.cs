using System.Globalization;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation;

/// <summary>
/// What <see cref="PopulationSimulator"/> makes. Mutable so hosts can bind it; call <see cref="Validate"/> (the
/// simulator does) before use. Same options and seed always give byte-identical files.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>
    /// Largest population accepted: Korea's 51 million with room to grow. The serial scheme of resident numbers gives 1,000
    /// people of one sex per birth date and 시도 (경기, 27 % of 51 million, needs about 200 on an average date); the
    /// simulator's state is columnar, 1.66 GiB peak at 15 million people (docs/BENCHMARKS.md).
    /// </summary>
    public const int MaxPeople = 60_000_000;

    /// <summary>Resident people each quarter (departures are replaced by births and movers-in). Required; 1 to <see cref="MaxPeople"/>.</summary>
    public int People { get; set; }

    /// <summary>The quarters to deliver, e.g. 2025Q3..2026Q3. Required. The last is "now": it gets no dispatches or outcomes.</summary>
    public QuarterRange? Quarters { get; set; }

    /// <summary>The seed of every random draw. Required: there is no default, so no run is accidentally unseeded.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Write raw/ and identity/ CSVs as deterministic <c>.csv.gz</c>. Default false.</summary>
    public bool Gzip { get; set; }

    /// <summary>Quarters of latent-crisis evolution before the first delivered quarter, so it starts stationary. Default 20; 0–40.</summary>
    public int BurnInQuarters { get; set; } = 20;

    /// <summary>Share of feed records followed by an exact duplicate row. Default 0.001; 0–0.01.</summary>
    public double DuplicateRate { get; set; } = 0.001;

    /// <summary>Share of records followed by a malformed line (a field short or long, or garbage). Default 0.0005; 0–0.01.</summary>
    public double MalformedRate { get; set; } = 0.0005;

    /// <summary>Share of records followed by a copy with an out-of-range value or unknown code. Default 0.0005; 0–0.01.</summary>
    public double OutOfRangeRate { get; set; } = 0.0005;

    /// <summary>Share of person-feed records followed by a copy whose resident number fails its check digit. Default 0.0002; 0–0.01.</summary>
    public double BadCheckDigitRate { get; set; } = 0.0002;

    /// <summary>Share of records followed by a copy keyed by a valid number that is on no roster. Default 0.001; 0–0.01.</summary>
    public double UnknownKeyRate { get; set; } = 0.001;

    /// <summary>Household-variant rule dispatches per quarter, as a share of roster people (one per household). Default 0.012; 0–0.1.</summary>
    public double HouseholdQuota { get; set; } = 0.012;

    /// <summary>
    /// Child-variant rule dispatches, as a share of roster people, chosen among ages 0–17. Default 0.00333: the real
    /// system's ~30,000 children a quarter for the 9,000,000-person full roster (docs/SIMULATION.md, "Volumes"); 0–0.1.
    /// </summary>
    public double ChildQuota { get; set; } = 0.00333;

    /// <summary>
    /// Lonely-death rule dispatches, as a share of roster people, chosen among people aged 40+ living alone. Default 0.005:
    /// ~45,000 a quarter (180,000 a year in four rounds) for the 9,000,000-person full roster; 0–0.1.
    /// </summary>
    public double LonelyDeathQuota { get; set; } = 0.005;

    /// <summary>Random audit sample per variant, as a share of that variant's eligible units, on top of the rule. Default 0.001; 0–0.05.</summary>
    public double AuditShare { get; set; } = 0.001;

    /// <summary>
    /// How strongly support lowers a household's severities in the following quarters, as a multiple of each kind's
    /// relief (<c>OutcomeModel.Relief</c>: 0.1 for a private link to 0.4 for livelihood security). Default 1; 0 is the
    /// counterfactual run — same seed, support changes nothing — against which a run's impact is measured; 0–2.
    /// </summary>
    public double InterventionEffect { get; set; } = 1;

    /// <summary>
    /// Chance an institution's delivery misses a whole 시군구 in a quarter (all its feeds, standing records too).
    /// Default 0.01; 0–0.1.
    /// </summary>
    public double RegionOutageRate { get; set; } = 0.01;

    /// <summary>Share of missed (institution, 시군구) deliveries that arrive with the next quarter's delivery, dated in the quarter they belong to. Default 0.5; 0–1.</summary>
    public double LateDeliveryShare { get; set; } = 0.5;

    /// <summary>
    /// How far a feed's records lag the crisis: the record chance uses (1 − lag)·this quarter's severity + lag·the last
    /// quarter's, so a new crisis shows only partly at first and an ended one still shows. Default 0.3; 0–1.
    /// </summary>
    public double RecordLag { get; set; } = 0.3;

    /// <summary>
    /// Share of households no institution sees: their crises leave no record at all (only the roster). Fixed per
    /// household across quarters. Default 0.04; 0–0.5.
    /// </summary>
    public double InvisibleShare { get; set; } = 0.04;

    /// <summary>
    /// Each institution's coverage of each 시도 is drawn once per run between 1 − spread and 1 (records outside it are
    /// lost). Default 0.1; 0–0.5.
    /// </summary>
    public double SidoCoverageSpread { get; set; } = 0.1;

    /// <summary>
    /// Coverage gaps by group, on top of the 시도 spread: each keeps only its coverage share of the matching records, so
    /// a fairness audit has something to find. Default <see cref="CoverageGap.Defaults"/>; empty for none.
    /// </summary>
    public IList<CoverageGap> CoverageGaps { get; } = [.. CoverageGap.Defaults];

    /// <summary>
    /// Threads to use; null (the default) means all cores. It never changes the output: every file and every unit
    /// draws from its own seeded stream. 1–256.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>Every broken rule, one sentence each; empty when the options can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (People is < 1 or > MaxPeople)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"People must be 1–{MaxPeople:N0}; got {People}."));
        }

        if (Quarters is null)
        {
            problems.Add("Quarters is required, e.g. 2025Q3..2026Q3.");
        }

        if (Seed is null)
        {
            problems.Add("Seed is required: every run is seeded so it can be reproduced byte for byte.");
        }

        if (BurnInQuarters is < 0 or > 40)
        {
            problems.Add($"BurnInQuarters must be 0–40; got {BurnInQuarters}.");
        }

        if (MaxDegreeOfParallelism is < 1 or > 256)
        {
            problems.Add($"MaxDegreeOfParallelism must be 1–256 or unset; got {MaxDegreeOfParallelism}.");
        }

        Share(problems, nameof(DuplicateRate), DuplicateRate, 0.01);
        Share(problems, nameof(MalformedRate), MalformedRate, 0.01);
        Share(problems, nameof(OutOfRangeRate), OutOfRangeRate, 0.01);
        Share(problems, nameof(BadCheckDigitRate), BadCheckDigitRate, 0.01);
        Share(problems, nameof(UnknownKeyRate), UnknownKeyRate, 0.01);
        var dirt = DuplicateRate + MalformedRate + OutOfRangeRate + BadCheckDigitRate + UnknownKeyRate;
        if (dirt >= 0.01)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The dirt rates add up to {dirt:0.####}: keep them under 0.01 so no feed nears its reject limit."));
        }

        Share(problems, nameof(HouseholdQuota), HouseholdQuota, 0.1);
        Share(problems, nameof(ChildQuota), ChildQuota, 0.1);
        Share(problems, nameof(LonelyDeathQuota), LonelyDeathQuota, 0.1);
        Share(problems, nameof(AuditShare), AuditShare, 0.05);
        Share(problems, nameof(InterventionEffect), InterventionEffect, 2);
        Share(problems, nameof(RegionOutageRate), RegionOutageRate, 0.1);
        Share(problems, nameof(LateDeliveryShare), LateDeliveryShare, 1);
        Share(problems, nameof(RecordLag), RecordLag, 1);
        Share(problems, nameof(InvisibleShare), InvisibleShare, 0.5);
        Share(problems, nameof(SidoCoverageSpread), SidoCoverageSpread, 0.5);
        problems.AddRange(CoverageGaps.Select(g => g.Problem()).OfType<string>());
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every broken rule.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid simulation options: " + string.Join(" ", problems));
        }
    }

    private static void Share(List<string> problems, string name, double value, double max)
    {
        if (!(value >= 0 && value <= max))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and {max}; got {value}."));
        }
    }
}
