namespace BlindSpot.Scoring.Training;

/// <summary>One labelled row as ML.NET reads it; the Features vector width is set at run time from the feature schema.</summary>
internal sealed class TrainingRow
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];
}
