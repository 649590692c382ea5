using System.Text;
using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Identity;

/// <summary>
/// Synthetic Korean names and road addresses as UTF-8 bytes. Surnames follow their approximate shares in the 2015
/// census (김 21.5 %, 이 14.7 %, 박 8.4 % …); given names are two syllables from a list of common ones.
/// </summary>
internal static class KoreanNames
{
    private static readonly (string Name, double Share)[] SurnameShares =
    [
        ("김", 21.5), ("이", 14.7), ("박", 8.4), ("최", 4.7), ("정", 4.3), ("강", 2.4), ("조", 2.1), ("윤", 2.1), ("장", 2.0),
        ("임", 1.7), ("한", 1.5), ("오", 1.5), ("서", 1.5), ("신", 1.5), ("권", 1.4), ("황", 1.4), ("안", 1.4), ("송", 1.3),
        ("전", 1.1), ("홍", 1.1), ("유", 1.1), ("고", 0.9), ("문", 0.9), ("양", 0.9), ("손", 0.9), ("배", 0.8), ("백", 0.7),
        ("허", 0.6), ("남", 0.6), ("심", 0.5), ("노", 0.5), ("하", 0.4), ("곽", 0.4), ("성", 0.4), ("차", 0.4), ("주", 0.4),
        ("우", 0.4), ("구", 0.4), ("민", 0.3), ("류", 0.3), ("나", 0.3), ("진", 0.3), ("지", 0.3), ("엄", 0.3), ("채", 0.3),
        ("원", 0.3), ("천", 0.2), ("방", 0.2), ("공", 0.2), ("현", 0.2),
    ];

    private static readonly string[] Syllables =
    [
        "민", "서", "지", "현", "준", "영", "수", "은", "하", "연", "우", "진", "성", "혜", "경", "정", "호", "예", "재", "윤",
        "주", "승", "희", "미", "유", "상", "동", "태", "소", "다", "채", "아", "가", "나", "도", "건", "시", "원", "혁", "빈",
        "숙", "자", "순", "옥", "철", "석", "훈", "용", "기", "명",
    ];

    private static readonly string[] RoadStems =
    [
        "중앙", "시청", "한강", "세종", "역전", "동문", "서문", "남부", "북부", "학교", "공원", "시장", "은행", "매화", "벚꽃",
        "가람", "새마을", "평화", "희망", "행복", "산업", "강변", "청수", "문화", "보건",
    ];

    private static readonly byte[][] Surnames = [.. SurnameShares.Select(s => Encoding.UTF8.GetBytes(s.Name))];
    private static readonly double[] SurnameCumulative = Cumulative(SurnameShares.Select(s => s.Share).ToArray());
    private static readonly byte[][] SyllableBytes = [.. Syllables.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] RoadBytes = [.. RoadStems.Select(Encoding.UTF8.GetBytes)];

    public static ReadOnlySpan<byte> Surname(ref RandomStream rng) => Surnames[rng.Pick(SurnameCumulative)];

    /// <summary>Writes two given-name syllables; returns the bytes written.</summary>
    public static int GivenName(ref RandomStream rng, Span<byte> target)
    {
        var first = SyllableBytes[rng.NextInt(SyllableBytes.Length)];
        var second = SyllableBytes[rng.NextInt(SyllableBytes.Length)];
        first.CopyTo(target);
        second.CopyTo(target[first.Length..]);
        return first.Length + second.Length;
    }

    /// <summary>Writes a road address tail such as <c>중앙로 12번길 34, 501호</c>; the comma makes some fields need quoting.</summary>
    public static int RoadAddress(ref RandomStream rng, Span<byte> target)
    {
        var length = 0;
        Append(target, ref length, RoadBytes[rng.NextInt(RoadBytes.Length)]);
        Append(target, ref length, rng.Chance(0.5) ? "로"u8 : "길"u8);
        if (rng.Chance(0.4))
        {
            Append(target, ref length, " "u8);
            Number(target, ref length, rng.NextInt(1, 60));
            Append(target, ref length, "번길"u8);
        }

        Append(target, ref length, " "u8);
        Number(target, ref length, rng.NextInt(1, 300));
        if (rng.Chance(0.45))
        {
            Append(target, ref length, ", "u8);
            Number(target, ref length, (rng.NextInt(1, 25) * 100) + rng.NextInt(1, 12));
            Append(target, ref length, "호"u8);
        }

        return length;
    }

    private static void Append(Span<byte> target, ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target[length..]);
        length += bytes.Length;
    }

    private static void Number(Span<byte> target, ref int length, int value)
    {
        System.Buffers.Text.Utf8Formatter.TryFormat(value, target[length..], out var written);
        length += written;
    }

    private static double[] Cumulative(double[] shares)
    {
        var total = shares.Sum();
        var running = 0.0;
        return [.. shares.Select(s => running += s / total)];
    }
}
