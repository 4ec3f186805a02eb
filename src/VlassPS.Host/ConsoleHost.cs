using System.Globalization;
using System.Management.Automation.Host;

namespace VlassPS.Host;

/// <summary>A minimal PSHost: enough for Out-Default to render format views, errors, warnings and prompts.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ConsoleUserInterface _ui = new();

    public override string Name => "vlassps";
    public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);
    public override Guid InstanceId => _id;
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    /// <summary>Set when a script calls 'exit N' at the top level.</summary>
    public int? ExitCode { get; private set; }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
    public override void EnterNestedPrompt() => throw new NotSupportedException("vlassps has no nested prompts.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("vlassps has no nested prompts.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}
