using VlassPS.Core.Configuration;
using VlassPS.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VlassPS.Yaml;

/// <summary>YAML (de)serialisation of <see cref="VlassConfiguration"/>; the only place that touches YamlDotNet.</summary>
internal static class ConfigurationStore
{
    private sealed class Document
    {
        public string? CasaPath { get; set; }
        public string? CacheDirectory { get; set; }
        public string? ArchiveBaseUri { get; set; }
        public string? Scheduler { get; set; }
        public string? Partition { get; set; }
        public string? Account { get; set; }
    }

    public static VlassConfiguration Load(string path)
    {
        var config = new VlassConfiguration { Path = path };
        if (!File.Exists(path)) return config;
        Document? doc;
        try
        {
            doc = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<Document>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        if (doc is null) return config;
        config.CasaPath = doc.CasaPath;
        config.CacheDirectory = doc.CacheDirectory;
        config.ArchiveBaseUri = doc.ArchiveBaseUri;
        config.Scheduler = doc.Scheduler;
        config.Partition = doc.Partition;
        config.Account = doc.Account;
        return config;
    }

    public static string Serialize(VlassConfiguration c)
    {
        var doc = new Document
        {
            CasaPath = c.CasaPath, CacheDirectory = c.CacheDirectory, ArchiveBaseUri = c.ArchiveBaseUri,
            Scheduler = c.Scheduler, Partition = c.Partition, Account = c.Account,
        };
        return "# VlassPS configuration (Set-VlassConfiguration)\n" + new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build().Serialize(doc);
    }

    public static void Save(VlassConfiguration c, string path) => AtomicFile.WriteAllText(path, Serialize(c));

    /// <summary>The YamlDotNet assembly this module uses (for diagnostics and the isolation test).</summary>
    public static System.Reflection.Assembly YamlAssembly => typeof(SerializerBuilder).Assembly;
}
