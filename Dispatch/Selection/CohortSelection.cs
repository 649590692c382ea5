using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Selection;

/// <summary>A rule cohort's part of its variant's list: its quota, how many ranked people met its conditions, and how many it listed.</summary>
internal sealed record CohortSelection(RuleCohort Cohort, int Quota, int Members, int Selected);
