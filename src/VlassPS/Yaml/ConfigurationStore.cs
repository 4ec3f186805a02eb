using VlassPS.Core.Configuration;
using VlassPS.Core.Errors;
using VlassPS.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VlassPS.Yaml;

/// <summary>YAML (de)serialisation of <see cref="VlassConfiguration"/>; the only place that touches YamlDotNet.</summary>
internal static class ConfigurationStore
{
    // Path says where the settings came from; it is not itself a setting.
    private static readonly YamlIgnoreAttribute Ignore = new();

    public static VlassConfiguration Load(string path)
    {
        if (FileKinds.Of(path) == FileKind.Missing) return new VlassConfiguration { Path = path };
        VlassConfiguration? config;
        string text;
        // Regular files only, bounded: VLASSPS_CONFIG=/dev/zero or a FIFO must not hang or fill memory.
        try { text = InputFile.ReadAllText(path, "Configuration file", VlassErrors.ConfigurationUnreadable, VlassErrors.ConfigurationUnreadable, 1 << 20); }
        catch (VlassException ex) { throw new InvalidDataException(ex.Message, ex); }
        try
        {
            config = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .WithAttributeOverride<VlassConfiguration>(c => c.Path!, Ignore)
                .Build().Deserialize<VlassConfiguration>(text);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        config ??= new VlassConfiguration();
        config.Path = path;
        // A value the module cannot use is an error naming the file and line, never a silent default.
        foreach (var (setting, problem) in config.Problems())
            throw new InvalidDataException($"{path}: line {LineOf(text, setting)}: {problem}");
        return config;
    }

    private static int LineOf(string text, string setting)
    {
        string key = char.ToLowerInvariant(setting[0]) + setting[1..];
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].TrimStart();
            if (t.StartsWith(key, StringComparison.Ordinal) && t[key.Length..].TrimStart().StartsWith(':')) return i + 1;
        }
        return 0;
    }

    public static string Serialize(VlassConfiguration c)
        => "# VlassPS configuration (Set-VlassConfiguration)\n" + new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithAttributeOverride<VlassConfiguration>(x => x.Path!, Ignore)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build().Serialize(c);

    public static void Save(VlassConfiguration c, string path) => AtomicFile.WriteAllText(path, Serialize(c));
}
