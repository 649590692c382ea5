using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Every household (세대) the simulation has created, as parallel arrays indexed by a stable household id, with the
/// latent crisis severities of each (one float array per <see cref="LatentDimension"/>).
/// </summary>
internal sealed class Households
{
    /// <summary>Number of latent dimensions.</summary>
    public const int Dimensions = 5;

    public Households(int capacity)
    {
        Sigungu = new short[capacity];
        Eupmyeondong = new byte[capacity];
        Counter = new int[capacity];
        Head = new int[capacity];
        CrisisQuarters = new byte[capacity];
        Relief = new float[capacity];
        LastSupported = new int[capacity];
        Severity = new float[Dimensions][];
        PreviousSeverity = new float[Dimensions][];
        for (var d = 0; d < Dimensions; d++)
        {
            Severity[d] = new float[capacity];
            PreviousSeverity[d] = new float[capacity];
        }
    }

    public int Count { get; private set; }

    /// <summary>Index into <see cref="Core.Regions.RegionRegistry.Sigungu"/>.</summary>
    public short[] Sigungu { get; private set; }

    /// <summary>1-based 읍면동 index within the 시군구.</summary>
    public byte[] Eupmyeondong { get; private set; }

    /// <summary>The six-digit counter of the household number within its 시군구.</summary>
    public int[] Counter { get; private set; }

    /// <summary>Person id of the 세대주; reassigned when the head dies.</summary>
    public int[] Head { get; private set; }

    /// <summary>Severity in [0, 1] per dimension, indexed [dimension][household].</summary>
    public float[][] Severity { get; }

    /// <summary>The severities of the quarter before, indexed like <see cref="Severity"/>: what a lagging record reflects.</summary>
    public float[][] PreviousSeverity { get; }

    /// <summary>
    /// Consecutive quarters (up to <see cref="MaxCrisisQuarters"/>) the household has had some severity above 0: how
    /// long its crisis has lasted, which makes its arrears deepen (see <c>RecordFiller</c>).
    /// </summary>
    public byte[] CrisisQuarters { get; private set; }

    public const int MaxCrisisQuarters = 40;

    /// <summary>
    /// What support given in a past quarter still does: each quarter's severities are multiplied by 1 − relief, then the
    /// relief halves (<c>LatentCrisisModel</c>). 0 for a household never supported, and always 0 in a counterfactual run.
    /// </summary>
    public float[] Relief { get; private set; }

    /// <summary>Quarter index (<c>QuarterIndex.Of</c>) of the household's latest supported outcome; 0 if never.</summary>
    public int[] LastSupported { get; private set; }

    public int Add(short sigungu, byte eupmyeondong, int counter)
    {
        if (Count == Sigungu.Length)
        {
            Grow();
        }

        var id = Count++;
        Sigungu[id] = sigungu;
        Eupmyeondong[id] = eupmyeondong;
        Counter[id] = counter;
        Head[id] = -1;
        return id;
    }

    /// <summary>Largest severity over the dimensions.</summary>
    public float MaxSeverity(int household)
    {
        var max = 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            max = Math.Max(max, Severity[d][household]);
        }

        return max;
    }

    private void Grow()
    {
        var size = Math.Max(16, Sigungu.Length + (Sigungu.Length / 4));
        Sigungu = Resize(Sigungu, size);
        Eupmyeondong = Resize(Eupmyeondong, size);
        Counter = Resize(Counter, size);
        Head = Resize(Head, size);
        CrisisQuarters = Resize(CrisisQuarters, size);
        Relief = Resize(Relief, size);
        LastSupported = Resize(LastSupported, size);
        for (var d = 0; d < Dimensions; d++)
        {
            Severity[d] = Resize(Severity[d], size);
            PreviousSeverity[d] = Resize(PreviousSeverity[d], size);
        }
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
