using System.Data.Common;
using System.Text;

namespace BlindSpot.Portal.Cases;

/// <summary>The list's WHERE and ORDER BY: the caller's scope, then only narrowing filters, every value a parameter.</summary>
public abstract partial class SqlCaseStore
{
    private string Filters(CaseQuery q)
    {
        var sql = new StringBuilder();
        if (q.Search.Length > 0)
        {
            sql.Append(Invariant($" AND (name {Like} @search ESCAPE '!' OR case_id {Like} @search ESCAPE '!')"));
        }

        void Equal(string value, string column, string parameter)
        {
            if (value.Length > 0)
            {
                sql.Append(Invariant($" AND {column} = @{parameter}"));
            }
        }

        Equal(q.Variant, "variant", "variant");
        Equal(q.Grade, "risk_band", "grade");
        Equal(q.Origin, "origin", "origin");
        if (q.Status == "open")
        {
            sql.Append(Invariant($" AND status IN ({OpenStatuses})"));
        }
        else
        {
            Equal(q.Status, "status", "status");
        }

        if (q.ReasonKind.Length > 0)
        {
            var words = ReasonKinds.WordsOf(q.ReasonKind);
            sql.Append(" AND (").AppendJoin(" OR ", words.Select((_, i) => Invariant($"reasons LIKE @reason{i}"))).Append(')');
        }

        if (q.ContinuedOnly)
        {
            sql.Append(" AND continued = @yes");
        }

        if (q.RepeatOnly)
        {
            sql.Append(" AND previous <> ''");
        }

        if (q.OverdueOn is not null)
        {
            sql.Append(Invariant($" AND due < @today AND status IN ({OpenStatuses})"));
        }

        return sql.ToString();
    }

    private static void FilterParameters(DbCommand command, CaseQuery q)
    {
        if (q.Search.Length > 0)
        {
            Add(command, "search", "%" + EscapeLike(q.Search) + "%");
        }

        AddIf(command, "variant", q.Variant);
        AddIf(command, "grade", q.Grade);
        AddIf(command, "origin", q.Origin);
        if (q.Status != "open")
        {
            AddIf(command, "status", q.Status);
        }

        if (q.ReasonKind.Length > 0)
        {
            var words = ReasonKinds.WordsOf(q.ReasonKind);
            for (var i = 0; i < words.Count; i++)
            {
                Add(command, $"reason{i}", "%" + EscapeLike(words[i]) + "%");
            }
        }

        if (q.ContinuedOnly)
        {
            Add(command, "yes", true);
        }

        if (q.OverdueOn is { } today)
        {
            Add(command, "today", today);
        }
    }

    private static void Scope(DbCommand command, CaseQuery q)
    {
        Add(command, "quarter", q.Quarter);
        Add(command, "sigungu", q.SigunguCode);
        if (q.Eupmyeondong is { Length: > 0 } and not "-")
        {
            Add(command, "emd", q.Eupmyeondong);
        }
    }

    // Ties always break by case id, so a page holds the same rows however often it is asked for.
    private string Order(CaseQuery q)
    {
        var direction = q.Descending ? " DESC" : "";
        var key = q.Sort switch
        {
            "rank" => "sigungu_rank",
            "name" => $"name{CodePointOrder}",
            "id" => $"case_id{CodePointOrder}",
            "status" => "CASE status " + string.Concat(CaseStatus.All.Select((s, i) => $"WHEN '{s}' THEN {i} ")) + "END",
            _ => "due",
        };
        return $"{key}{direction}, case_id{CodePointOrder}";
    }

    private static string EscapeLike(string text) => text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);
}
