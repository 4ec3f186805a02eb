using AngleSharp.Html.Parser;
using VlassPS.Core.Archive;

namespace VlassPS.Archive;

/// <summary>
/// Reads the hrefs of an archive listing with a real HTML5 parser, so both Apache styles (<c>&lt;pre&gt;</c> and
/// table) and broken markup give the same links; layout is ignored.
/// </summary>
internal sealed class AngleSharpListingLinkReader : IListingLinkReader
{
    private readonly HtmlParser _parser = new();

    public IReadOnlyList<string> ReadHrefs(string html)
    {
        using var document = _parser.ParseDocument(html);
        var hrefs = new List<string>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href");
            if (!string.IsNullOrWhiteSpace(href)) hrefs.Add(href);
        }
        return hrefs;
    }
}
