using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BlindSpot.Scoring.Models;

/// <summary>
/// The ensemble laid out for branch-free evaluation: every leaf becomes a node that loops to itself (threshold +∞, both
/// children itself), so eight rows walk side by side with no data-dependent branch per step (their loads overlap) and stop
/// when all eight sit at leaves, at most depth(tree) steps. Splits keep ML.NET's rule: value ≤ threshold goes left, anything
/// else (NaN too) right. Nodes are packed 16 bytes each and read without bounds checks, so <see cref="Raw"/> first checks
/// that rows are wide enough for every feature a split reads.
/// </summary>
internal sealed class CompiledTrees
{
    private const int Lanes = 8;
    private readonly int[] root;
    private readonly int[] depth;
    private readonly int[] firstLeaf;   // global index of each tree's first leaf node: node >= firstLeaf means "at a leaf"
    private readonly int[] feature;
    private readonly float[] threshold;
    private readonly int[] children;    // 2 per node: [left, right], global node indices
    private readonly double[] value;    // the (weighted) leaf value of leaf nodes, 0 for splits
    private readonly double bias;
    private readonly Node[] nodes;      // the same split data packed in 16 bytes per node: one load per step
    private readonly int requiredWidth; // one more than the highest feature index a split reads

    public CompiledTrees(IReadOnlyList<(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees, double bias)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var total = trees.Sum(t => t.Feature.Length + t.Leaves.Length);
        root = new int[trees.Count];
        depth = new int[trees.Count];
        firstLeaf = new int[trees.Count];
        feature = new int[total];
        threshold = new float[total];
        children = new int[2 * total];
        value = new double[total];
        this.bias = bias;
        var at = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var (f, th, left, right, leaves) = trees[t];
            var splits = f.Length;
            int Global(int child) => at + (child >= 0 ? child : splits + ~child);
            for (var n = 0; n < splits; n++)
            {
                feature[at + n] = f[n];
                threshold[at + n] = th[n];
                children[2 * (at + n)] = Global(left[n]);
                children[(2 * (at + n)) + 1] = Global(right[n]);
            }

            for (var l = 0; l < leaves.Length; l++)
            {
                var node = at + splits + l;
                threshold[node] = float.PositiveInfinity;
                children[2 * node] = children[(2 * node) + 1] = node;
                value[node] = leaves[l];
            }

            root[t] = splits > 0 ? at : at + splits;
            firstLeaf[t] = at + splits;
            depth[t] = splits > 0 ? Depth(left, right, 0) : 0;
            at += splits + leaves.Length;
        }

        requiredWidth = feature.Length == 0 ? 1 : feature.Max() + 1;
        nodes = new Node[total];
        for (var n = 0; n < total; n++)
        {
            nodes[n] = new Node(feature[n], threshold[n], children[2 * n], children[(2 * n) + 1]);
        }
    }

    /// <summary>One node: the feature it reads, its threshold, and where to go (value ≤ threshold → Left, else Right).</summary>
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    /// <summary>Mean number of steps a row walks per tree (the deepest leaf of each tree, averaged): the cost of one score.</summary>
    public double MeanDepth => depth.Length == 0 ? 0 : depth.Average();

    /// <summary>Raw scores of a row-major block, as float like ML.NET's Score column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Raw(ReadOnlySpan<float> rows, int width, Span<float> raw)
    {
        if (width < requiredWidth || rows.Length < raw.Length * width)
        {
            throw new ArgumentException($"Rows of {width} features are too narrow for trees that read feature {requiredWidth - 1}, or the block is short.", nameof(rows));
        }

        var count = raw.Length;
        Span<double> sums = count <= 4096 ? stackalloc double[count] : new double[count];
        sums.Fill(bias);
        for (var t = 0; t < root.Length; t++)
        {
            var r = 0;
            for (; r + Lanes <= count; r += Lanes)
            {
                Walk8(rows.Slice(r * width, Lanes * width), width, root[t], depth[t], firstLeaf[t], sums.Slice(r, Lanes));
            }

            for (; r < count; r++)
            {
                var row = rows.Slice(r * width, width);
                var node = root[t];
                for (var d = 0; d < depth[t] && node < firstLeaf[t]; d++)
                {
                    node = Step(row, node);
                }

                sums[r] += value[node];
            }
        }

        for (var r = 0; r < count; r++)
        {
            raw[r] = (float)sums[r];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Walk8(ReadOnlySpan<float> rows, int width, int start, int steps, int leaves, Span<double> sums)
    {
        int n0 = start, n1 = start, n2 = start, n3 = start, n4 = start, n5 = start, n6 = start, n7 = start;
        var r1 = rows[width..];
        var r2 = rows[(2 * width)..];
        var r3 = rows[(3 * width)..];
        var r4 = rows[(4 * width)..];
        var r5 = rows[(5 * width)..];
        var r6 = rows[(6 * width)..];
        var r7 = rows[(7 * width)..];
        for (var d = 0; d < steps; d++)
        {
            n0 = Step(rows, n0);
            n1 = Step(r1, n1);
            n2 = Step(r2, n2);
            n3 = Step(r3, n3);
            n4 = Step(r4, n4);
            n5 = Step(r5, n5);
            n6 = Step(r6, n6);
            n7 = Step(r7, n7);

            // Leaves loop to themselves, so stopping early changes nothing; trees are deep but most rows leave early.
            if (Math.Min(Math.Min(Math.Min(n0, n1), Math.Min(n2, n3)), Math.Min(Math.Min(n4, n5), Math.Min(n6, n7))) >= leaves)
            {
                break;
            }
        }

        sums[0] += value[n0];
        sums[1] += value[n1];
        sums[2] += value[n2];
        sums[3] += value[n3];
        sums[4] += value[n4];
        sums[5] += value[n5];
        sums[6] += value[n6];
        sums[7] += value[n7];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(ReadOnlySpan<float> row, int node)
    {
        // Unchecked and without bounds checks: every index comes from the compiled tree itself and features are < width.
        ref readonly var n = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(nodes), node);
        var value = Unsafe.Add(ref MemoryMarshal.GetReference(row), n.Feature);
        return value <= n.Threshold ? n.Left : n.Right;
    }

    private static int Depth(int[] left, int[] right, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(left, right, left[node]), Depth(left, right, right[node]));
}
