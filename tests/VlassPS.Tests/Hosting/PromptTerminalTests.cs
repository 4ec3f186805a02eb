namespace VlassPS.Tests.Hosting;

/// <summary>
/// The interactive vlassps prompt driven in a real pseudo-terminal (tmux send-keys / capture-pane), as a user
/// types: pwsh's console host with VlassPS loaded and our line editor (PSConsoleHostReadLine): history on Up,
/// in-line editing, Tab completion, Ctrl+C that abandons a line or stops a running pipeline with the session's
/// variables intact, and multi-line entries. Skipped (reason given) where tmux is missing.
/// </summary>
public class PromptTerminalTests
{
    [SkippableFact]
    public void Prompt_runs_cmdlets_keeps_history_and_survives_CtrlC()
    {
        using var t = new TmuxPrompt();
        t.Send("$v = 42", "Enter");
        t.WaitForPrompt();
        t.Send("Get-VlassTile -Ra 121.98974 -Dec 4.54293 | ForEach-Object Name", "Enter");
        t.WaitFor("T12t13");
        t.WaitForPrompt();
        t.Send("while ($true) { Start-Sleep -Milliseconds 100 }", "Enter");
        Thread.Sleep(2000);
        t.Send("C-c");
        t.WaitForPrompt();
        t.Send("\"v is $v\"", "Enter");
        t.WaitFor("v is 42");
        t.WaitForPrompt();
        t.Send("(Get-History).CommandLine -join '|'", "Enter");
        t.WaitFor("$v = 42|Get-VlassTile");
    }

    [SkippableFact]
    public void Up_arrow_recalls_the_previous_command_and_Enter_runs_it_again()
    {
        using var t = new TmuxPrompt();
        t.Send("'recalled-' + (40 + 2)", "Enter");
        t.WaitFor("recalled-42");
        t.WaitForPrompt();
        t.Send("'second'", "Enter");
        t.WaitForPrompt();
        t.Send("Up", "Up");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("> 'recalled-' + (40 + 2)", StringComparison.Ordinal), "the recalled command");
        t.Send("Enter");
        t.WaitUntil(_ => t.CountLines("recalled-42") == 2, "the output a second time");
        t.WaitForPrompt();

        // Going up keeps the line being typed; coming back down gives it back.
        t.Send("'unfinished'", "Up");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("> 'recalled-' + (40 + 2)", StringComparison.Ordinal), "the newest entry");
        t.Send("Down");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("> 'unfinished'", StringComparison.Ordinal), "the unfinished line back");
        t.Send("Enter");
        t.WaitUntil(_ => t.CountLines("unfinished") == 1, "the unfinished line run");
    }

    [SkippableFact]
    public void Left_Right_Home_End_and_the_kill_keys_edit_in_the_middle_of_the_line()
    {
        using var t = new TmuxPrompt();
        t.Send("'abcdef'", "Left", "Left", "Left", "XY", "Enter");
        t.WaitUntil(_ => t.CountLines("abcdXYef") == 1, "the text inserted mid-line");
        t.WaitForPrompt();
        // Home/Delete remove the junk in front, End/Left/Backspace the 'o'.
        t.Send("xx'hello'", "Home", "DC", "DC", "End", "Left", "BSpace", "Enter");
        t.WaitUntil(_ => t.CountLines("hell") == 1, "the Home/End/Delete/Backspace edit");
        t.WaitForPrompt();
        // Ctrl+A, Right x6, Ctrl+K cuts the second statement; Ctrl+E and Ctrl+U clear a line.
        t.Send("'kept'; 'dropped'", "C-a", "Right", "Right", "Right", "Right", "Right", "Right", "C-k", "Enter");
        t.WaitUntil(_ => t.CountLines("kept") == 1, "the line cut by Ctrl+K");
        t.WaitForPrompt();
        t.Send("'never'", "C-e", "C-u", "'cleared'", "Enter");
        t.WaitUntil(_ => t.CountLines("cleared") == 1, "the line cleared by Ctrl+U");
        Assert.Equal(0, t.CountLines("dropped"));
        Assert.Equal(0, t.CountLines("never"));
    }

    [SkippableFact]
    public void Tab_completes_a_cmdlet_a_parameter_and_an_argument_completer_value()
    {
        // An empty data folder: no stored survey table, so the -Epoch completer offers the epochs it knows, in order.
        string data = Directory.CreateTempSubdirectory("vlassps-prompt-").FullName;
        using var t = new TmuxPrompt(environment: new Dictionary<string, string> { ["VLASSPS_DATA"] = data });
        t.Send("Get-VlassTi", "Tab");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("> Get-VlassTile", StringComparison.Ordinal), "Get-VlassTi completed to Get-VlassTile");
        t.Send(" -Ra 121.98974 -Dec 4.54293 | ForEach-Object Name", "Enter");
        t.WaitFor("T12t13");
        t.WaitForPrompt();

        t.Send("Get-VlassImageGeometry -Sci", "Tab");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("> Get-VlassImageGeometry -ScienceSize", StringComparison.Ordinal), "-Sci completed to -ScienceSize");
        t.Send("C-c");
        t.WaitForPrompt();

        // The module's -Epoch argument completer; Tab goes forward through its values, Shift+Tab back.
        t.Send("Get-VlassObservation -Epoch ", "Tab");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("-Epoch VLASS1.1", StringComparison.Ordinal), "the first epoch");
        t.Send("Tab");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("-Epoch VLASS1.2", StringComparison.Ordinal), "the next epoch");
        t.Send("BTab");
        t.WaitUntil(_ => t.CurrentLine().EndsWith("-Epoch VLASS1.1", StringComparison.Ordinal), "back to the first epoch");
    }

    [SkippableFact]
    public void CtrlC_abandons_a_half_typed_line_and_gives_a_new_prompt()
    {
        using var t = new TmuxPrompt();
        t.Send("'half-typed", "C-c");
        t.WaitUntil(_ => t.Lines().Any(l => l.EndsWith("> 'half-typed^C", StringComparison.Ordinal)), "the abandoned line marked ^C");
        t.WaitForPrompt();
        t.Send("'after' ; (Get-History).Count", "Enter");
        t.WaitFor("after");
        t.WaitForPrompt();
        // The abandoned line never ran and is not in the history.
        Assert.Equal(1, t.CountLines("0"));
        // The editor is the PSConsoleHostReadLine function the prompt defines.
        t.Send("'hook: ' + (Get-Command PSConsoleHostReadLine).CommandType", "Enter");
        t.WaitFor("hook: Function");
    }

    [Fact]
    public void Scripts_commands_and_piped_input_have_no_editor_hook_and_the_module_defines_none()
    {
        const string probe = "'hook count: ' + @(Get-Command PSConsoleHostReadLine -ErrorAction SilentlyContinue).Count";
        var command = HostProcess.Run("-Command", probe);
        Assert.True(command.ExitCode == 0, command.Stderr);
        Assert.Contains("hook count: 0", command.Stdout, StringComparison.Ordinal);
        var piped = HostProcess.RunWithInput(probe + "\nexit\n");
        Assert.Contains("hook count: 0", piped.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unfinished_statement_continues_behind_the_continuation_prompt()
    {
        using var t = new TmuxPrompt();
        t.Send("if ($true) {", "Enter");
        t.WaitUntil(_ => t.CurrentLine() == ">>", "the >> continuation prompt");
        t.Send("'inside'", "Enter");
        t.WaitUntil(_ => t.CurrentLine() == ">> 'inside'" || t.CurrentLine() == ">>", "the second line");
        t.Send("}", "Enter");
        t.WaitUntil(_ => t.CountLines("inside") == 1, "the block run");
        t.WaitForPrompt();
        // The whole block comes back with Up, and runs again.
        t.Send("Up", "Enter");
        t.WaitUntil(_ => t.CountLines("inside") == 2, "the recalled block run");
    }

    [SkippableFact]
    public void Wide_characters_and_lines_longer_than_the_terminal_redraw_cleanly()
    {
        // 40 columns: the entry wraps twice, and a wide character falls on a row edge.
        using var t = new TmuxPrompt(width: 40, height: 20);
        const string typed = "'界界界界界界界界界界' + 'abcdefghijklmnopqrstuvwxyz0123456789'";
        t.Send(typed, "C-a");
        for (int i = 0; i < 4; i++) t.Send("Right");
        t.Send("ZZ", "End", "Enter");
        const string edited = "'界界界ZZ界界界界界界界' + 'abcdefghijklmnopqrstuvwxyz0123456789'";
        t.WaitUntil(_ => t.CountLines("界界界ZZ界界界界界界界abcdefghijklmnopqrstuvwxyz0123456789") == 1, "the edited text run");
        // The joined screen rows show the entry exactly once, as edited: no stale pieces of earlier redraws.
        var entry = t.Lines().Where(l => l.Contains("abcdefghijklmnop", StringComparison.Ordinal) && l.Contains('\'')).ToList();
        Assert.True(entry.Count == 1 && entry[0].EndsWith("> " + edited, StringComparison.Ordinal), string.Join("\n", t.Lines()));
    }
}
