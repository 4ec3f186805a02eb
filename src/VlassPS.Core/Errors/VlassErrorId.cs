namespace VlassPS.Core.Errors;

/// <summary>A stable error id with its category: the first part of every FullyQualifiedErrorId VlassPS reports.</summary>
public sealed record VlassErrorId(string Id, VlassErrorKind Kind)
{
    public override string ToString() => Id;
}
