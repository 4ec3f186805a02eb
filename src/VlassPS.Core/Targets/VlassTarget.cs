using System.Security.Cryptography;
using System.Text;
using VlassPS.Core.Sky;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Targets;

/// <summary>
/// What a result belongs to: a named target with its position and per-target overrides (extra columns of a
/// target list, e.g. ScienceSize). Every pipeline output carries it as <c>Target</c>, so any output can be
/// grouped, joined or exported by target. Two targets are the same target when their names are equal.
/// </summary>
public sealed class VlassTarget : IEquatable<VlassTarget>
{
    private const int HashHexDigits = 8;

    /// <summary>A target known by name only (also lets PowerShell compare a target with a name string).</summary>
    public VlassTarget(string name) : this(name, null) { }

    public VlassTarget(string name, SkyPosition? position, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Position = position;
        Overrides = overrides ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Id = IdFor(name);
    }

    /// <summary>The user's name for the target (J0807+0432), exactly as given.</summary>
    public string Name { get; }

    /// <summary>Where the target is; null for a target known only by name.</summary>
    public SkyPosition? Position { get; }

    /// <summary>Per-target settings from the target list's extra columns (column name → text).</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; }

    /// <summary>
    /// Stable, collision-free identifier usable as a file or folder name: the name itself when it is already
    /// made of letters, digits and . _ + - only; otherwise its escaped form plus the first 8 hex digits of the
    /// SHA-256 of the UTF-8 name, so "A B" and "A_B" never share a folder.
    /// </summary>
    public string Id { get; }

    /// <summary>See <see cref="Id"/>; a pure function of the name, the same on every machine and run.</summary>
    public static string IdFor(string name)
    {
        string safe = SafeName.From(name);
        if (safe == name) return name;
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        string suffix = Convert.ToHexString(hash, 0, HashHexDigits / 2).ToLowerInvariant();
        if (safe.Length > SafeName.MaxLength - HashHexDigits - 1) safe = safe[..(SafeName.MaxLength - HashHexDigits - 1)].TrimEnd('_', '.');
        return $"{safe}-{suffix}";
    }

    public override string ToString() => Name;
    public bool Equals(VlassTarget? other) => other is not null && string.Equals(other.Name, Name, StringComparison.Ordinal);
    public override bool Equals(object? obj) => Equals(obj as VlassTarget);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);
}
