namespace BlindSpot.Core.Contracts;

/// <summary>
/// The names of the own-discovery (자체 발굴) files: the per-시군구 index Dispatch's discovery-index stage writes under
/// <c>discovery/&lt;Q&gt;/</c> and the portal searches, and the register of own-discovery cases beside the dispatch register.
/// </summary>
public static class DiscoveryFiles
{
    /// <summary>Every 시군구's index file of a quarter.</summary>
    public const string IndexPattern = "*.bin";

    /// <summary>The own-discovery register: <c>outcomes/&lt;Q&gt;/own-discoveries.csv</c>.</summary>
    public const string OwnRegisterFileName = "own-discoveries.csv";

    /// <summary><c>11110.bin</c> for 시군구 11110.</summary>
    public static string IndexFileName(string sigungu)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sigungu);
        return sigungu + ".bin";
    }
}
