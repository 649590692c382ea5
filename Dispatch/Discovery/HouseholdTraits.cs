namespace BlindSpot.Dispatch.Discovery;

/// <summary>What a person's household is like, as the roster says (the household's members, by age and disability).</summary>
[Flags]
public enum HouseholdTraits : byte
{
    None = 0,

    /// <summary>1인 가구: the person lives alone.</summary>
    SinglePerson = 1,

    /// <summary>아동 가구: a member under 18.</summary>
    WithChild = 2,

    /// <summary>노인 가구원: a member aged 65 or more.</summary>
    WithElder = 4,

    /// <summary>노인 단독·부부: every member aged 65 or more.</summary>
    ElderOnly = 8,

    /// <summary>장애인 가구원: a member with a registered disability.</summary>
    WithDisability = 16,
}
