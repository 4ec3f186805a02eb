# Should, as in Pester 5: the actual value comes from the pipeline (or -ActualValue), the operator is a switch,
# the expected value is positional. A failed assertion throws, which fails the It that ran it.

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] [object]$ActualValue,
        [Parameter(Position = 0)] [object]$ExpectedValue,
        [switch]$Not,
        [switch]$Be, [switch]$BeExactly, [switch]$BeLike, [switch]$BeLikeExactly, [switch]$Match, [switch]$MatchExactly,
        [switch]$BeNullOrEmpty, [switch]$BeTrue, [switch]$BeFalse, [switch]$HaveCount, [switch]$Contain,
        [switch]$BeOfType, [switch]$BeGreaterThan, [switch]$BeLessThan, [switch]$BeGreaterOrEqual,
        [switch]$BeLessOrEqual, [switch]$BeIn, [switch]$Throw, [switch]$Exist,
        [string]$ExpectedMessage, [string]$ErrorId, [type]$ExceptionType, [string]$Because, [switch]$PassThru
    )
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { if ($MyInvocation.ExpectingInput) { $items.Add($ActualValue) } }
    end {
        if ($MyInvocation.ExpectingInput) {
            $actual = if ($items.Count -eq 0) { , @() } elseif ($items.Count -eq 1) { $items[0] } else { , $items.ToArray() }
            $count = $items.Count
        }
        else {
            $actual = $ActualValue
            $count = @($ActualValue).Count
        }
        $because = if ($Because) { " because $Because" } else { '' }
        $neg = $Not.IsPresent
        $shown = Format-ShimValue $actual
        $want = Format-ShimValue $ExpectedValue

        if ($Throw) { return Assert-ShimThrow $actual $neg $(if ($ExpectedMessage) { $ExpectedMessage } elseif ($null -ne $ExpectedValue) { "$ExpectedValue" } else { '' }) $ErrorId $ExceptionType $because $PassThru }

        $ok = $false; $what = ''
        if ($Be) { $ok = Test-ShimEqual $actual $ExpectedValue $false; $what = "to be $want" }
        elseif ($BeExactly) { $ok = Test-ShimEqual $actual $ExpectedValue $true; $what = "to be exactly $want" }
        elseif ($BeLike) { $ok = "$actual" -like "$ExpectedValue"; $what = "to be like $want" }
        elseif ($BeLikeExactly) { $ok = "$actual" -clike "$ExpectedValue"; $what = "to be exactly like $want" }
        elseif ($Match) { $ok = "$actual" -match "$ExpectedValue"; $what = "to match regex $want" }
        elseif ($MatchExactly) { $ok = "$actual" -cmatch "$ExpectedValue"; $what = "to match regex $want case-sensitively" }
        elseif ($BeNullOrEmpty) { $ok = Test-ShimNullOrEmpty $actual; $what = 'to be null or empty' }
        elseif ($BeTrue) { $ok = [bool]$actual -eq $true; $what = 'to be $true' }
        elseif ($BeFalse) { $ok = [bool]$actual -eq $false; $what = 'to be $false' }
        elseif ($HaveCount) { $ok = $count -eq $ExpectedValue; $what = "to have count $want"; $shown = "count $count" }
        elseif ($Contain) { $ok = @($actual) -contains $ExpectedValue; $what = "to contain $want" }
        elseif ($BeIn) { $ok = @($ExpectedValue) -contains $actual; $what = "to be in $want" }
        elseif ($BeOfType) {
            $type = if ($ExpectedValue -is [type]) { $ExpectedValue } else { "$ExpectedValue" -as [type] }
            if ($null -eq $type) { throw "Should -BeOfType: '$ExpectedValue' is not a known type." }
            $ok = $actual -is $type; $what = "to be of type [$($type.FullName)]"
            $shown = if ($null -eq $actual) { '$null' } else { "[$($actual.GetType().FullName)]" }
        }
        elseif ($BeGreaterThan) { $ok = $actual -gt $ExpectedValue; $what = "to be greater than $want" }
        elseif ($BeLessThan) { $ok = $actual -lt $ExpectedValue; $what = "to be less than $want" }
        elseif ($BeGreaterOrEqual) { $ok = $actual -ge $ExpectedValue; $what = "to be greater than or equal to $want" }
        elseif ($BeLessOrEqual) { $ok = $actual -le $ExpectedValue; $what = "to be less than or equal to $want" }
        elseif ($Exist) { $ok = Test-Path -LiteralPath "$actual"; $what = 'to exist' }
        else { throw 'Should: no assertion operator given (for example -Be).' }

        if ($ok -eq $neg) {
            $notText = if ($neg) { 'not ' } else { '' }
            throw [System.Exception]::new("Expected $shown $notText$what$because, but it was not.")
        }
    }
}

function Assert-ShimThrow($Action, [bool]$Negate, [string]$Message, [string]$Id, [type]$Type, [string]$Because, [bool]$PassThru) {
    if ($Action -isnot [scriptblock]) { throw 'Should -Throw needs a script block as the actual value.' }
    $caught = $null
    try { $null = & $Action } catch { $caught = $_ }
    if ($Negate) {
        if ($null -ne $caught) { throw [System.Exception]::new("Expected no exception to be thrown$Because, but an exception `"$($caught.Exception.Message)`" was thrown.") }
        return
    }
    if ($null -eq $caught) { throw [System.Exception]::new("Expected an exception to be thrown$Because, but no exception was thrown.") }
    if ($Message -and $caught.Exception.Message -notlike $Message) {
        throw [System.Exception]::new("Expected an exception with message like '$Message' to be thrown$Because, but the message was '$($caught.Exception.Message)'.")
    }
    if ($Id -and $caught.FullyQualifiedErrorId -notlike "*$Id*") {
        throw [System.Exception]::new("Expected an exception with FullyQualifiedErrorId '$Id' to be thrown$Because, but it was '$($caught.FullyQualifiedErrorId)'.")
    }
    if ($Type -and $caught.Exception -isnot $Type) {
        throw [System.Exception]::new("Expected an exception of type [$($Type.FullName)]$Because, but got [$($caught.Exception.GetType().FullName)].")
    }
    if ($PassThru) { $caught }
}

function Test-ShimEqual($Actual, $Expected, [bool]$CaseSensitive) {
    $a = @($Actual); $e = @($Expected)
    if ($Actual -is [System.Collections.IEnumerable] -and $Actual -isnot [string] -or
        $Expected -is [System.Collections.IEnumerable] -and $Expected -isnot [string]) {
        if ($a.Count -ne $e.Count) { return $false }
        for ($i = 0; $i -lt $a.Count; $i++) { if (-not (Test-ShimEqual $a[$i] $e[$i] $CaseSensitive)) { return $false } }
        return $true
    }
    if ($null -eq $Actual -or $null -eq $Expected) { return $null -eq $Actual -and $null -eq $Expected }
    if ($CaseSensitive) { return $Actual -ceq $Expected }
    $Actual -eq $Expected
}

function Test-ShimNullOrEmpty($Value) {
    if ($null -eq $Value) { return $true }
    if ($Value -is [string]) { return $Value.Length -eq 0 }
    if ($Value -is [System.Collections.ICollection]) { return $Value.Count -eq 0 }
    $false
}

function Format-ShimValue($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [System.Collections.IEnumerable]) { return '@(' + ((@($Value) | ForEach-Object { Format-ShimValue $_ }) -join ', ') + ')' }
    "$Value"
}
