namespace BlindSpot.Simulation.Deliveries;

/// <summary>One of the catalog's date formats (<c>yyyyMMdd</c>, <c>yyyy-MM-dd</c>, <c>yyyy.MM.dd</c>), written as ASCII digits.</summary>
internal readonly record struct DateStyle(byte Separator)
{
    public static DateStyle Parse(string? format) => format switch
    {
        "yyyyMMdd" => new DateStyle(0),
        "yyyy-MM-dd" => new DateStyle((byte)'-'),
        "yyyy.MM.dd" => new DateStyle((byte)'.'),
        _ => throw new InvalidOperationException($"Unsupported date format '{format}'."),
    };

    /// <summary>Writes the date and returns the bytes written (8 or 10).</summary>
    public int Write(Span<byte> target, DateOnly date)
    {
        var i = 0;
        Digits(target, ref i, date.Year, 4);
        if (Separator != 0)
        {
            target[i++] = Separator;
        }

        Digits(target, ref i, date.Month, 2);
        if (Separator != 0)
        {
            target[i++] = Separator;
        }

        Digits(target, ref i, date.Day, 2);
        return i;
    }

    private static void Digits(Span<byte> target, ref int i, int value, int count)
    {
        for (var k = count - 1; k >= 0; k--, value /= 10)
        {
            target[i + k] = (byte)('0' + (value % 10));
        }

        i += count;
    }
}
