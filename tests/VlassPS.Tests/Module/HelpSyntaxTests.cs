using System.Management.Automation;
using System.Xml.Linq;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>
/// The SYNTAX section of every cmdlet's MAML help is generated from the cmdlet's own parameter sets (platyPS
/// is not available). This test fails when a fragment in src/VlassPS/Help is out of date; run it with
/// VLASSPS_UPDATE_HELP=1 to rewrite the fragments.
/// </summary>
public class HelpSyntaxTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    [Fact]
    public void Help_syntax_matches_the_cmdlet_parameter_sets()
    {
        using var ps = new ModuleSession();
        var cmdlets = ps.Run("(Get-Module VlassPS).ExportedCmdlets.Values").Select(o => (CmdletInfo)o.BaseObject).ToList();
        bool update = Environment.GetEnvironmentVariable("VLASSPS_UPDATE_HELP") == "1";
        var stale = new List<string>();
        foreach (var cmd in cmdlets)
        {
            string file = Path.Combine(TestPaths.RepoRoot, "src", "VlassPS", "Help", cmd.Name + ".xml");
            Assert.True(File.Exists(file), $"{cmd.Name}: no help fragment {file}");
            var doc = XDocument.Load(file, LoadOptions.PreserveWhitespace);
            var root = doc.Root!;
            var expected = Syntax(cmd);
            var current = root.Element(Command + "syntax");
            if (current is not null && Canonical(current) == Canonical(expected)) continue;
            stale.Add(cmd.Name);
            if (!update) continue;
            current?.Remove();
            root.Element(Maml + "description")!.AddAfterSelf(new XText("\n  "), expected);
            var settings = new System.Xml.XmlWriterSettings
            {
                OmitXmlDeclaration = true, Indent = false, NewLineChars = "\n",
                Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
            using var w = System.Xml.XmlWriter.Create(file, settings);
            doc.Save(w);
        }
        Assert.True(update || stale.Count == 0, $"help syntax out of date for: {string.Join(", ", stale)} (run the tests with VLASSPS_UPDATE_HELP=1)");
    }

    // Names, attributes (not namespace declarations) and text, in document order.
    private static string Canonical(XElement e)
        => $"<{e.Name}{string.Concat(e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $" {a.Name}={a.Value}"))}>"
           + (e.HasElements ? string.Concat(e.Elements().Select(Canonical)) : e.Value) + "</>";

    private static XElement Syntax(CmdletInfo cmd)
    {
        var syntax = new XElement(Command + "syntax");
        foreach (var set in cmd.ParameterSets)
        {
            var item = new XElement(Command + "syntaxItem", new XElement(Maml + "name", cmd.Name));
            var parameters = set.Parameters.Where(p => !PSCmdlet.CommonParameters.Contains(p.Name) && !PSCmdlet.OptionalCommonParameters.Contains(p.Name))
                .OrderBy(p => p.Position < 0 ? int.MaxValue : p.Position).ThenBy(p => p.IsMandatory ? 0 : 1);
            foreach (var p in parameters)
            {
                var pipeline = new List<string>();
                if (p.ValueFromPipeline) pipeline.Add("ByValue");
                if (p.ValueFromPipelineByPropertyName) pipeline.Add("ByPropertyName");
                bool isSwitch = p.ParameterType == typeof(SwitchParameter);
                var element = new XElement(Command + "parameter",
                    new XAttribute("required", p.IsMandatory ? "true" : "false"),
                    new XAttribute("position", p.Position < 0 ? "named" : p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new XAttribute("pipelineInput", pipeline.Count == 0 ? "false" : $"true ({string.Join(", ", pipeline)})"),
                    new XElement(Maml + "name", p.Name));
                if (!isSwitch)
                    element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), TypeName(p.ParameterType)));
                item.Add(element);
            }
            syntax.Add(item);
        }
        return syntax;
    }

    private static string TypeName(Type t) => t.IsArray ? TypeName(t.GetElementType()!) + "[]" : (Nullable.GetUnderlyingType(t) ?? t).Name;
}
