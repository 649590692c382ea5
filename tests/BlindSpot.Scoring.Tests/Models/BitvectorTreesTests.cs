using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Tests.Models;

[TestFixture]
internal sealed class BitvectorTreesTests
{
    private const int Features = 12;

    // 1 leaf: a tree with no split; 8: the sample models; 31/32: the default and the most the bitvector word holds;
    // 33 and 64: past it, so the plain walk over the same columns must give the same scores.
    [TestCase(1, true)]
    [TestCase(2, true)]
    [TestCase(8, true)]
    [TestCase(31, true)]
    [TestCase(32, true)]
    [TestCase(33, false)]
    [TestCase(64, false)]
    public void Raw_RandomTrees_EqualTheSingleRowWalkBitForBit(int leaves, bool bitvectors)
    {
        var random = new Random(leaves);
        var trees = Enumerable.Range(0, 25).Select(_ => RandomTree(random, leaves)).ToList();
        var evaluator = new BitvectorTrees(trees, bias: 0.25);
        const int Rows = 1_003; // not a multiple of the vector width, so the scalar tail runs too
        var rows = Enumerable.Range(0, Rows).Select(_ => RandomRow(random)).ToArray();
        var stride = Rows + 5;
        var columns = new float[evaluator.Features.Count * stride];
        for (var c = 0; c < evaluator.Features.Count; c++)
        {
            for (var r = 0; r < Rows; r++)
            {
                columns[(c * stride) + r] = rows[r][evaluator.Features[c]];
            }
        }

        var raw = new float[Rows];
        evaluator.Raw(columns, stride, raw);

        Assert.That(evaluator.UsesBitvectors, Is.EqualTo(bitvectors));
        for (var r = 0; r < Rows; r++)
        {
            Assert.That(raw[r], Is.EqualTo(Walk(trees, 0.25, rows[r])), $"row {r}");
        }
    }

    // Reasons come from these sums, and Dispatch shows them: the one-pass bitvector rule must give the walk's doubles exactly.
    [TestCase(1)]
    [TestCase(8)]
    [TestCase(31)]
    [TestCase(32)]
    [TestCase(33)]
    public void Contributions_RandomTrees_EqualTheWalkedRuleExactly(int leaves)
    {
        var random = new Random(100 + leaves);
        var trees = Enumerable.Range(0, 25).Select(_ => RandomTree(random, leaves)).ToList();
        var evaluator = new BitvectorTrees(trees, bias: 0);

        for (var r = 0; r < 300; r++)
        {
            var row = RandomRow(random);
            var contributions = new double[Features];
            evaluator.Contributions(row, contributions);

            Assert.That(contributions, Is.EqualTo(WalkContributions(trees, row)), $"row {r}");
        }
    }

    [Test]
    public void Raw_ColumnsShorterThanTheBlock_IsRefusedBeforeReadingMemory()
    {
        var evaluator = new BitvectorTrees([RandomTree(new Random(1), 8)], bias: 0);

        Assert.That(() => evaluator.Raw(new float[10], stride: 10, new float[11]), Throws.ArgumentException);
        Assert.That(() => evaluator.Raw(new float[(evaluator.Features.Count * 10) - 1], stride: 10, new float[10]), Throws.ArgumentException);
    }

    /// <summary>ML.NET's rule, walked the obvious way: value ≤ threshold goes left, anything else (NaN too) right.</summary>
    private static float Walk(IReadOnlyList<(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees, double bias, float[] row)
    {
        var sum = bias;
        foreach (var (feature, threshold, left, right, leaves) in trees)
        {
            var node = feature.Length > 0 ? 0 : -1;
            while (node >= 0)
            {
                node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
            }

            sum += leaves[~node];
        }

        return (float)sum;
    }

    /// <summary>ML.NET's contribution rule walked: per split on the path, leaf reached minus the leaf down the other side.</summary>
    private static double[] WalkContributions(IReadOnlyList<(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees, float[] row)
    {
        var contributions = new double[Features];
        foreach (var (feature, threshold, left, right, leaves) in trees)
        {
            int Leaf(int node)
            {
                while (node >= 0)
                {
                    node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
                }

                return ~node;
            }

            var reached = leaves[Leaf(feature.Length > 0 ? 0 : -1)];
            for (var node = feature.Length > 0 ? 0 : -1; node >= 0;)
            {
                var goesLeft = row[feature[node]] <= threshold[node];
                contributions[feature[node]] += reached - leaves[Leaf(goesLeft ? right[node] : left[node])];
                node = goesLeft ? left[node] : right[node];
            }
        }

        return contributions;
    }

    /// <summary>A random tree of exactly <paramref name="leaves"/> leaves grown leaf-wise (so shapes are lopsided, as FastTree's are).</summary>
    private static (int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves) RandomTree(Random random, int leaves)
    {
        var splits = leaves - 1;
        var feature = new int[splits];
        var threshold = new float[splits];
        var left = new int[splits];
        var right = new int[splits];
        var open = new List<(int Node, bool Left)>();
        var leafCount = 0;
        for (var n = 0; n < splits; n++)
        {
            feature[n] = random.Next(Features);
            threshold[n] = (float)Math.Round(random.NextDouble() * 4, 1);
            if (n > 0)
            {
                var slot = random.Next(open.Count);
                var (parent, isLeft) = open[slot];
                open.RemoveAt(slot);
                (isLeft ? left : right)[parent] = n;
            }

            open.Add((n, true));
            open.Add((n, false));
        }

        // Whatever is still open becomes a leaf; a tree with no split is one leaf.
        foreach (var (parent, isLeft) in open)
        {
            (isLeft ? left : right)[parent] = ~leafCount++;
        }

        leafCount = Math.Max(leafCount, 1);
        return (feature, threshold, left, right, [.. Enumerable.Range(0, leafCount).Select(_ => random.NextDouble() - 0.5)]);
    }

    /// <summary>Zeros, values exactly on a threshold, NaN and ordinary values: every side of every comparison.</summary>
    private static float[] RandomRow(Random random) =>
        [.. Enumerable.Range(0, Features).Select(_ => random.Next(6) switch
        {
            0 => 0f,
            1 => float.NaN,
            2 => (float)Math.Round(random.NextDouble() * 4, 1),
            _ => (float)(random.NextDouble() * 5) - 0.5f,
        })];
}
