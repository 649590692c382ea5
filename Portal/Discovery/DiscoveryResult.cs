namespace BlindSpot.Portal.Discovery;

/// <summary>
/// A search's answer: the people in the officer's area (<see cref="InScope"/>), how many match, the positions of the
/// ones shown (at most <see cref="DiscoveryQuery.Shown"/>), and the matches per 읍면동 and per (variant, grade).
/// </summary>
internal sealed record DiscoveryResult(int InScope, int Matching, IReadOnlyList<int> Shown, IReadOnlyDictionary<string, int> ByEupmyeondong, int[,] ByGrade);
