namespace BlindSpot.Simulation.Roster;

/// <summary>Fixed facts about a person, packed in one byte per person to keep 9 million people small.</summary>
[Flags]
internal enum PersonTraits : byte
{
    None = 0,
    Male = 1,
    Disability = 2,

    /// <summary>Receives 기초생활보장 (basic livelihood) benefits.</summary>
    BasicLivelihood = 4,

    /// <summary>Receives 차상위 or another means-tested benefit.</summary>
    OtherBenefit = 8,
}
