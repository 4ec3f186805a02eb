using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace VlassPS.Host;

/// <summary>One runspace with the module imported; runs scripts and commands through Out-Default.</summary>
internal sealed class HostSession : IDisposable
{
    private const string FailedFlag = "__vlasspsFailed";
    private readonly ConsoleHost _host;
    private readonly string? _modulePath;
    private Runspace? _runspace;

    public HostSession(ConsoleHost host, string? modulePath)
    {
        _host = host;
        _modulePath = modulePath;
    }

    public bool Open(out string? error)
    {
        error = null;
        var iss = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(_host, iss);
        _runspace.Open();
        if (_modulePath is null) return true;
        if (!File.Exists(_modulePath))
        {
            error = $"the VlassPS module was not found at {_modulePath} (build it with 'dotnet build', or set VLASSPS_MODULE).";
            return false;
        }
        if (!Invoke($"Import-Module -Name {Quote(_modulePath)} -ErrorAction Stop", render: true))
        {
            error = $"could not import {_modulePath}.";
            return false;
        }
        return true;
    }

    /// <summary>Runs a script file with pwsh -File semantics: arguments like -Name bind as parameter names.</summary>
    public int RunFile(string path, IReadOnlyList<string> args)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Console.Error.WriteLine($"vlassps: the script '{path}' does not exist.");
            return 64;
        }
        var parts = new List<string> { "&", Quote(full) };
        foreach (string a in args)
            parts.Add(IsParameterToken(a) ? a : Quote(a));
        return RunGuarded(string.Join(' ', parts));
    }

    /// <summary>Runs commands with pwsh -Command semantics: exit code 1 when the last command failed.</summary>
    public int RunCommand(string command)
    {
        var ast = Parser.ParseInput(command, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            foreach (var e in errors) Console.Error.WriteLine($"vlassps: line {e.Extent.StartLineNumber}: {e.Message}");
            return 64;
        }
        return RunGuarded(command);
    }

    /// <summary>Runs one interactive entry; returns false when it failed.</summary>
    public bool RunInteractive(string text) => Invoke(text, render: true);

    private int RunGuarded(string script)
    {
        SetVariable(FailedFlag, false);
        SetVariable("LASTEXITCODE", 0);
        // Nothing goes before the user's text, so error positions keep its line numbers; a terminating error
        // surfaces from Invoke (reported on stderr there) and fails the run.
        string wrapped = $"{script}\n; if (-not $?) {{ $global:{FailedFlag} = $true }}";
        bool ok = Invoke(wrapped, render: true);
        if (_host.ExitCode is int exit) return exit;
        object? last = _runspace!.SessionStateProxy.GetVariable("LASTEXITCODE");
        if (last is int code && code != 0) return code;
        bool failed = _runspace.SessionStateProxy.GetVariable(FailedFlag) is true;
        return ok && !failed ? 0 : 1;
    }

    private bool Invoke(string script, bool render)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        if (render)
        {
            // Errors travel with the output into Out-Default, which renders both through the host.
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            ps.AddCommand("Out-Default");
        }
        try
        {
            ps.Invoke();
            return ps.InvocationStateInfo.State != PSInvocationState.Failed;
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine(ex.ErrorRecord?.ToString() ?? ex.Message);
            if (ex.ErrorRecord?.InvocationInfo?.PositionMessage is { Length: > 0 } where) Console.Error.WriteLine(where);
            return false;
        }
    }

    private void SetVariable(string name, object value) => _runspace!.SessionStateProxy.SetVariable(name, value);

    private static bool IsParameterToken(string a)
        => a.Length > 1 && a[0] == '-' && (char.IsLetter(a[1]) || a[1] == '_') && a.Skip(1).All(c => char.IsLetterOrDigit(c) || c is '_' or ':');

    internal static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose() => _runspace?.Dispose();
}
