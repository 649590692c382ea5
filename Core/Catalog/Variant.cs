using System.Text.Json.Serialization;

namespace BlindSpot.Core.Catalog;

/// <summary>The three models BlindSpot scores with; each selects its own people and has its own quota.</summary>
public enum Variant
{
    /// <summary>위기가구: an adult in a household in crisis (the blind-spot list).</summary>
    [JsonStringEnumMemberName("household")]
    Household,

    /// <summary>위기아동: a child aged 0–17 at risk.</summary>
    [JsonStringEnumMemberName("child")]
    Child,

    /// <summary>고독사 위험: a person living alone, at risk of dying unnoticed.</summary>
    [JsonStringEnumMemberName("lonely_death")]
    LonelyDeath,
}
