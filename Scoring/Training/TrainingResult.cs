using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Training;

/// <summary>The card of the model just trained and the folder holding it.</summary>
internal sealed record TrainingResult(ModelCard Card, string Folder, TimeSpan Elapsed);
