namespace VlassPS.Host.LineEditing;

/// <summary>
/// Up/Down through the session's history (oldest first, as Get-History lists it). Going up from the line being
/// typed keeps it, and coming back down past the newest entry gives it back unchanged.
/// </summary>
internal sealed class HistoryCursor
{
    private readonly IReadOnlyList<string> _entries;
    private int _index;
    private string _unfinished = "";

    public HistoryCursor(IReadOnlyList<string> entries)
    {
        _entries = entries;
        _index = entries.Count;
    }

    /// <summary>The older entry, or null at the oldest.</summary>
    public string? Previous(string current)
    {
        if (_index == 0) return null;
        if (_index == _entries.Count) _unfinished = current;
        return _entries[--_index];
    }

    /// <summary>The newer entry, the unfinished line after the newest, or null when already there.</summary>
    public string? Next()
    {
        if (_index >= _entries.Count) return null;
        _index++;
        return _index == _entries.Count ? _unfinished : _entries[_index];
    }
}
