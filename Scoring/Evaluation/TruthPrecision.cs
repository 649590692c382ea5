namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Precision at k against the simulator's truth over every eligible person: the model, the rule baseline (crisis count),
/// the oracle (the simulator's latent risk) and random (the in-crisis share). k = quota share × eligible people.
/// </summary>
public sealed record TruthPrecision(int Eligible, int InCrisis, int K, double Model, double Rule, double Oracle, double Random)
{
    public double ModelOverRule => Rule == 0 ? 0 : Model / Rule;

    public double ModelOverOracle => Oracle == 0 ? 0 : Model / Oracle;
}
