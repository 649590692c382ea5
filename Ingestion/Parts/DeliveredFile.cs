namespace BlindSpot.Ingestion.Parts;

/// <summary>One delivered file as <see cref="DeliveryScanRecord"/> keeps it: relative to the data root, SHA-256, length. Immutable.</summary>
internal sealed record DeliveredFile(string RelativePath, string Sha256, long Length);
