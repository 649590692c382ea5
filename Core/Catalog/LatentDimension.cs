namespace BlindSpot.Core.Catalog;

/// <summary>The kinds of hidden crisis the simulator gives a household; feeds react to them through their lifts.</summary>
public enum LatentDimension
{
    /// <summary>Income loss, debt, arrears.</summary>
    Financial,

    /// <summary>Illness, disability onset, mental health, medical costs.</summary>
    Health,

    /// <summary>Social isolation: the lonely-death risk.</summary>
    Isolation,

    /// <summary>A child's needs going unmet (neglect, missed care).</summary>
    ChildNeglect,

    /// <summary>Losing or failing to keep a home.</summary>
    Housing,
}
