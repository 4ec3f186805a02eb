namespace VlassPS.Core.Archive;

/// <summary>
/// Extracts every <c>href</c> of an HTML directory listing. Implemented with a real HTML parser in the
/// cmdlet assembly (Core has no third-party dependencies).
/// </summary>
public interface IListingLinkReader
{
    IReadOnlyList<string> ReadHrefs(string html);
}
