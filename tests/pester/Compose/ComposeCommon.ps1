# Dot-sourced after ../Common.ps1 by the Compose tests. The in-repo test runspace has only the engine's own
# commands; these helpers use the real Group-Object where it exists (real pwsh) and the same .NET equality
# (Equals/GetHashCode of the grouped values, which Group-Object relies on) where it does not.

# Number of groups `$Objects | Group-Object $Property` makes.
function script:Get-GroupCount([object[]] $Objects, [string] $Property) {
    if (Get-Command Group-Object -ErrorAction Ignore) { return @($Objects | Group-Object $Property).Count }
    $keys = [System.Collections.Generic.HashSet[object]]::new()
    foreach ($o in $Objects) { $null = $keys.Add($o.$Property) }
    $keys.Count
}

# Distinct values (ordinal), in first-seen order.
function script:Get-Distinct([object[]] $Values) {
    $seen = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::Ordinal)
    foreach ($v in $Values) { if ($seen.Add("$v")) { $v } }
}

# Completion texts for the end of $Line.
function script:Get-CompletionText([string] $Line) {
    @([System.Management.Automation.CommandCompletion]::CompleteInput($Line, $Line.Length, $null).CompletionMatches.CompletionText)
}
