using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BlindSpot.Scoring.Models;

/// <summary>
/// The ensemble laid out for QuickScorer-style evaluation over column-major blocks (Lucchese et al., SIGIR 2015): each
/// tree's leaves are numbered left to right as bits of a 32-bit word; a split that a row fails (goes right) clears the
/// bits of its left subtree, and the lowest bit left standing is the leaf the row reaches. Every split is then one
/// vector compare and AND over a column of the block, with no data-dependent branch and no pointer chasing, whatever the
/// tree's shape. Trees with more than 32 leaves use a plain walk over the same columns. Splits keep ML.NET's rule: value ≤
/// threshold goes left, anything else (NaN too) right. Leaf values are summed in double, tree by tree after the bias, in the
/// same order as the single-row walk, so both give the same float. Immutable and safe to share between threads.
/// </summary>
internal sealed class BitvectorTrees
{
    /// <summary>Leaves a tree may have for the bitvector path: one bit each in a 32-bit word.</summary>
    public const int MaxBitvectorLeaves = 32;

    private readonly int[] nodeStart;     // first split of each tree in the split arrays; Length = trees + 1
    private readonly int[] nodeSlot;      // the column (index into Features) a split reads
    private readonly int[] nodeFeature;   // the feature (schema position) a split reads
    private readonly float[] nodeThreshold;
    private readonly uint[] nodeKeep;     // bits kept when the row goes right: all but the leaves of the left subtree
    private readonly uint[] nodeRight;    // the bits of the leaves of the right subtree
    private readonly int[] left;          // tree-local children, ML.NET's convention: >= 0 split, < 0 ~leaf
    private readonly int[] right;
    private readonly int[] leafStart;     // first leaf of each tree; Length = trees + 1
    private readonly double[] leafByBit;  // each tree's leaf values in left-to-right (bit) order
    private readonly int[] bitOfLeaf;     // ML.NET leaf index → bit, for the plain walk
    private readonly double bias;
    private readonly bool bitvectors;

    public BitvectorTrees(IReadOnlyList<(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves)> trees, double bias)
    {
        ArgumentNullException.ThrowIfNull(trees);
        Features = [.. trees.SelectMany(t => t.Feature).Distinct().Order()];
        var slotOf = Features.Select((feature, slot) => (feature, slot)).ToDictionary(p => p.feature, p => p.slot);
        nodeStart = new int[trees.Count + 1];
        leafStart = new int[trees.Count + 1];
        for (var t = 0; t < trees.Count; t++)
        {
            nodeStart[t + 1] = nodeStart[t] + trees[t].Feature.Length;
            leafStart[t + 1] = leafStart[t] + trees[t].Leaves.Length;
        }

        nodeSlot = new int[nodeStart[^1]];
        nodeFeature = new int[nodeStart[^1]];
        nodeThreshold = new float[nodeStart[^1]];
        nodeKeep = new uint[nodeStart[^1]];
        nodeRight = new uint[nodeStart[^1]];
        left = new int[nodeStart[^1]];
        right = new int[nodeStart[^1]];
        leafByBit = new double[leafStart[^1]];
        bitOfLeaf = new int[leafStart[^1]];
        for (var t = 0; t < trees.Count; t++)
        {
            Lay(trees[t], nodeStart[t], leafStart[t], slotOf);
        }

        this.bias = bias;
        bitvectors = trees.All(t => t.Leaves.Length <= MaxBitvectorLeaves);
    }

    /// <summary>The features the splits read, ascending: the columns <see cref="Raw"/> expects, in this order.</summary>
    public IReadOnlyList<int> Features { get; }

    /// <summary>Whether every tree fits the bitvector path (else the plain walk is used for all).</summary>
    public bool UsesBitvectors => bitvectors;

    /// <summary>
    /// Raw scores of a column-major block: column <c>c</c> (the values of feature <see cref="Features"/>[c]) starts at
    /// <c>c × stride</c>, and <paramref name="raw"/> receives one float per row (<c>raw.Length ≤ stride</c> rows).
    /// </summary>
    public void Raw(ReadOnlySpan<float> columns, int stride, Span<float> raw)
    {
        if (raw.Length > stride || columns.Length < (long)Features.Count * stride)
        {
            throw new ArgumentException($"A block of {raw.Length} rows needs {Features.Count} columns of at least that stride; it has {columns.Length} values at stride {stride}.", nameof(columns));
        }

        var count = raw.Length;
        var sums = count <= 2048 ? stackalloc double[count] : new double[count];
        var bits = count <= 2048 ? stackalloc uint[count] : new uint[count];
        sums.Fill(bias);
        for (var t = 0; t < nodeStart.Length - 1; t++)
        {
            if (bitvectors)
            {
                Bitvectors(columns, stride, t, bits);
                Accumulate(t, bits, sums);
            }
            else
            {
                Walk(columns, stride, t, sums);
            }
        }

        for (var r = 0; r < count; r++)
        {
            raw[r] = (float)sums[r];
        }
    }

    /// <summary>
    /// Adds each feature's path contribution for one row (<paramref name="row"/> indexed by schema position): for every split
    /// on the row's path, the leaf reached minus the leaf reached had that one decision gone the other way — ML.NET's rule,
    /// in the same order as a walk, so the sums are the same doubles. With bitvectors one pass of split tests per tree gives
    /// every "other" leaf: the lowest bit of the other subtree left standing by the failed splits off the path (only the path
    /// itself clears bits of an off-path subtree from outside it).
    /// </summary>
    public void Contributions(ReadOnlySpan<float> row, Span<double> contributions)
    {
        for (var t = 0; t < nodeStart.Length - 1; t++)
        {
            var start = nodeStart[t];
            var splits = nodeStart[t + 1] - start;
            var leaves = leafStart[t];
            if (splits == 0)
            {
                continue;
            }

            if (!bitvectors)
            {
                WalkContributions(row, t, contributions);
                continue;
            }

            var goesLeft = 0u;
            for (var i = 0; i < splits; i++)
            {
                goesLeft |= row[nodeFeature[start + i]] <= nodeThreshold[start + i] ? 1u << i : 0u;
            }

            var onPath = 0u;
            var node = 0;
            while (node >= 0)
            {
                onPath |= 1u << node;
                node = (goesLeft & (1u << node)) != 0 ? left[start + node] : right[start + node];
            }

            var reached = leafByBit[leaves + bitOfLeaf[leaves + ~node]];
            var standing = uint.MaxValue;
            for (var i = 0; i < splits; i++)
            {
                standing &= ((onPath | goesLeft) & (1u << i)) != 0 ? uint.MaxValue : nodeKeep[start + i];
            }

            for (node = 0; node >= 0;)
            {
                var i = start + node;
                var wentLeft = (goesLeft & (1u << node)) != 0;
                var other = wentLeft ? nodeRight[i] : ~nodeKeep[i];
                contributions[nodeFeature[i]] += reached - leafByBit[leaves + BitOperations.TrailingZeroCount(standing & other)];
                node = wentLeft ? left[i] : right[i];
            }
        }
    }

    /// <summary>The same rule walked: the leaf on the other side of each split on the path found by walking down from it.</summary>
    private void WalkContributions(ReadOnlySpan<float> row, int tree, Span<double> contributions)
    {
        var start = nodeStart[tree];
        var reached = leafByBit[leafStart[tree] + LeafBit(row, tree, 0)];
        for (var node = 0; node >= 0;)
        {
            var i = start + node;
            var wentLeft = row[nodeFeature[i]] <= nodeThreshold[i];
            contributions[nodeFeature[i]] += reached - leafByBit[leafStart[tree] + LeafBit(row, tree, wentLeft ? right[i] : left[i])];
            node = wentLeft ? left[i] : right[i];
        }
    }

    /// <summary>The bit of the leaf a row reaches from <paramref name="node"/> (tree-local; negative is already a leaf).</summary>
    private int LeafBit(ReadOnlySpan<float> row, int tree, int node)
    {
        var start = nodeStart[tree];
        while (node >= 0)
        {
            node = row[nodeFeature[start + node]] <= nodeThreshold[start + node] ? left[start + node] : right[start + node];
        }

        return bitOfLeaf[leafStart[tree] + ~node];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bitvectors(ReadOnlySpan<float> columns, int stride, int tree, Span<uint> bits)
    {
        bits.Fill(uint.MaxValue);
        ref var column0 = ref MemoryMarshal.GetReference(columns);
        ref var word = ref MemoryMarshal.GetReference(bits);
        var count = bits.Length;
        unchecked
        {
            for (var n = nodeStart[tree]; n < nodeStart[tree + 1]; n++)
            {
                // Bounds were checked once in Raw: slot < Features.Count and count ≤ stride.
                ref var x = ref Unsafe.Add(ref column0, (nint)nodeSlot[n] * stride);
                var threshold = nodeThreshold[n];
                var keep = nodeKeep[n];
                var r = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    var thresholds = Vector256.Create(threshold);
                    var keeps = Vector256.Create(keep);
                    for (; r <= count - Vector256<float>.Count; r += Vector256<float>.Count)
                    {
                        // Goes left (≤, false for NaN) keeps every bit; goes right keeps only `keep`.
                        var goesLeft = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x, (nuint)r), thresholds).AsUInt32();
                        var current = Vector256.LoadUnsafe(ref word, (nuint)r);
                        (current & (goesLeft | keeps)).StoreUnsafe(ref word, (nuint)r);
                    }
                }

                for (; r < count; r++)
                {
                    if (!(Unsafe.Add(ref x, r) <= threshold))
                    {
                        Unsafe.Add(ref word, r) &= keep;
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(int tree, ReadOnlySpan<uint> bits, Span<double> sums)
    {
        ref var leaves = ref leafByBit[leafStart[tree]];
        unchecked
        {
            for (var r = 0; r < bits.Length; r++)
            {
                // The tree's rightmost leaf is in no left subtree, so its bit is never cleared and a bit always stands.
                sums[r] += Unsafe.Add(ref leaves, BitOperations.TrailingZeroCount(bits[r]));
            }
        }
    }

    private void Walk(ReadOnlySpan<float> columns, int stride, int tree, Span<double> sums)
    {
        var start = nodeStart[tree];
        var splits = nodeStart[tree + 1] - start;
        for (var r = 0; r < sums.Length; r++)
        {
            var node = splits > 0 ? 0 : -1;
            while (node >= 0)
            {
                var i = start + node;
                node = columns[(nodeSlot[i] * stride) + r] <= nodeThreshold[i] ? left[i] : right[i];
            }

            sums[r] += leafByBit[leafStart[tree] + bitOfLeaf[leafStart[tree] + ~node]];
        }
    }

    /// <summary>Numbers one tree's leaves left to right and gives each split the mask of bits it keeps when a row goes right.</summary>
    private void Lay((int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves) tree, int nodes, int leaves, Dictionary<int, int> slotOf)
    {
        var (feature, threshold, l, r, values) = tree;
        var next = 0;
        for (var n = 0; n < feature.Length; n++)
        {
            nodeSlot[nodes + n] = slotOf[feature[n]];
            nodeFeature[nodes + n] = feature[n];
            nodeThreshold[nodes + n] = threshold[n];
            left[nodes + n] = l[n];
            right[nodes + n] = r[n];
        }

        // In-order numbering: returns the first and one-past-last bit of the subtree under `node`.
        (int First, int End) Number(int node)
        {
            if (node < 0)
            {
                bitOfLeaf[leaves + ~node] = next;
                leafByBit[leaves + next] = values[~node];
                return (next, ++next);
            }

            var (first, middle) = Number(l[node]);
            var (_, end) = Number(r[node]);
            nodeKeep[nodes + node] = ~Bits(first, middle);
            nodeRight[nodes + node] = Bits(middle, end);
            return (first, end);
        }

        Number(feature.Length > 0 ? 0 : -1);
    }

    /// <summary>Bits first..end−1 of a word (only meaningful for trees of ≤ 32 leaves, the only ones that use them).</summary>
    private static uint Bits(int first, int end) =>
        end - first >= 32 ? uint.MaxValue : first >= 32 ? 0 : unchecked(((1u << (end - first)) - 1) << first);
}
