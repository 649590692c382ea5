using BlindSpot.Scoring.Models;
using Microsoft.ML;

namespace BlindSpot.Scoring.Registry;

/// <summary>A model whose bytes matched its card: the ML.NET transformer (the reference) and its trees (the fast path).</summary>
internal sealed record LoadedModel(ModelCard Card, string Folder, ITransformer Transformer, TreeEnsemble Ensemble);
