using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// The card of the model just trained and the folder holding it; <paramref name="NotDispatched"/> says why the card has
/// no simulated dispatch although the validation quarter's truth is there (a live model on other features), else null.
/// </summary>
public sealed record TrainingResult(ModelCard Card, string Folder, TimeSpan Elapsed, string? NotDispatched = null);
