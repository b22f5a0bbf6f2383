#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and packages the MyPayGa payment plugin for nopCommerce 4.90.

.DESCRIPTION
    Run with PowerShell 7 (a local dotnet tool of this repository):
        dotnet tool restore
        dotnet pwsh -NoProfile -File build.ps1 <task> [options]

    Tasks:
        help             this text
        build            build every project (the plugin against the reference surface, or -NopSource)
        test             run every test suite (unit, sandbox, plugin, browser); prints "tests: N passed, N failed"
        package          build the installable zip: artifacts/Payments.MyPayGa.zip (upload it in nopCommerce admin)
        sandbox          run the local MyPayGa sandbox on http://127.0.0.1:5099 (Ctrl+C stops it)
        check-reference  compare the reference surface with real nopCommerce 4.90 assemblies (-NopBin)
        logo             regenerate logo.png from tools/MyPayGa.LogoGenerator
        bench            measure against baselines in the same run (sandbox on 127.0.0.1 started by the command) and print
                         a table of ratios, also written to artifacts/bench/latest.md; asserts nothing about timing
        format           check formatting (dotnet format --verify-no-changes)

    Options:
        -Configuration   Release (default) or Debug
        -NopSource       path to a nopCommerce 4.90 'src' folder: build the plugin inside that tree instead
        -NopBin          folder holding real nopCommerce 4.90 assemblies (e.g. Nop.Web's bin) for check-reference
        -Filter          dotnet test filter expression for 'test'
        -SkipBrowser     leave the browser tests out of 'test' (they need Debian's chromium)
        -Urls            listening address for 'sandbox' (default http://127.0.0.1:5099)
        -Smoke           'bench' with tiny counts (a few seconds; CI runs it to keep the harness working)
        -Micro           'bench' runs the BenchmarkDotNet micro-benchmarks (callback parser, phone numbers) instead
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('help', 'build', 'test', 'package', 'sandbox', 'check-reference', 'logo', 'bench', 'format')]
    [string] $Task = 'help',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    [string] $NopSource,
    [string] $NopBin,
    [string] $Filter,
    [switch] $SkipBrowser,
    [string] $Urls = 'http://127.0.0.1:5099',
    [switch] $Smoke,
    [switch] $Micro
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'MyPayGa.slnx'
$PluginProject = Join-Path $Root 'Nop.Plugin.Payments.MyPayGa/Nop.Plugin.Payments.MyPayGa.csproj'
$Artifacts = Join-Path $Root 'artifacts'
# nopCommerce 4.90 targets .NET 9; only a newer runtime may be installed.
$env:DOTNET_ROLL_FORWARD = 'Major'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# A simple function (no param block): '-c', '-o' ... reach dotnet as they are instead of binding to
# PowerShell's common parameters.
function Invoke-Dotnet {
    $Arguments = @($args | ForEach-Object { $_ })
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

function Get-NopSourceArgs {
    if (-not $NopSource) { return @() }
    $full = (Resolve-Path $NopSource).Path
    if (-not (Test-Path (Join-Path $full 'Presentation/Nop.Web.Framework/Nop.Web.Framework.csproj'))) {
        throw "-NopSource must be a nopCommerce 4.90 'src' folder (Presentation/Nop.Web.Framework not found in $full)"
    }
    return @("-p:NopSource=$full")
}

function Invoke-Build {
    if ($NopSource) {
        Invoke-Dotnet build $PluginProject -c $Configuration @(Get-NopSourceArgs)
    }
    else {
        Invoke-Dotnet build $Solution -c $Configuration
    }
}

function Get-TestProjects {
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj' | Sort-Object FullName
    if ($SkipBrowser) { $projects = $projects | Where-Object { $_.BaseName -notlike '*Browser*' } }
    return $projects
}

function Invoke-Test {
    Invoke-Dotnet build $Solution -c $Configuration
    $results = Join-Path $Artifacts 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $failedProjects = @()
    foreach ($project in Get-TestProjects) {
        $testArgs = @('test', $project.FullName, '-c', $Configuration, '--no-build',
            '--logger', "trx;LogFileName=$($project.BaseName).trx", '--results-directory', $results)
        if ($Filter) { $testArgs += @('--filter', $Filter) }
        Write-Host "> dotnet $($testArgs -join ' ')" -ForegroundColor DarkGray
        & dotnet @testArgs
        if ($LASTEXITCODE -ne 0) { $failedProjects += $project.BaseName }
    }
    # One closing line over every suite, read from the TRX files.
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem $results -Filter '*.trx' -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }
    Write-Host ''
    Write-Host "tests: $passed passed, $failed failed, $skipped skipped"
    if ($failedProjects.Count -gt 0) { throw "failing test projects: $($failedProjects -join ', ')" }
    if ($passed -eq 0) { throw 'no test ran' }
}

function Invoke-Package {
    $publish = Join-Path $Artifacts 'publish'
    $folder = Join-Path $publish 'Payments.MyPayGa'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    New-Item -ItemType Directory -Path $folder | Out-Null
    Invoke-Dotnet build $PluginProject -c $Configuration -o $folder @(Get-NopSourceArgs)

    # Keep only what the store needs: our DLLs, the DLLs the host lacks, views, content, plugin.json, logo.
    $hostProvided = '^(Nop\.|Microsoft\.|System\.)'
    Get-ChildItem $folder -File | Where-Object {
        ($_.Extension -eq '.dll' -and $_.Name -match $hostProvided -and $_.Name -ne 'Nop.Plugin.Payments.MyPayGa.dll') -or
        ($_.Extension -eq '.pdb') -or
        ($_.Name -like '*.deps.json')
    } | Remove-Item -Force
    foreach ($required in 'plugin.json', 'logo.png', 'Nop.Plugin.Payments.MyPayGa.dll', 'MyPayGa.Client.dll', 'Polly.Core.dll') {
        if (-not (Test-Path (Join-Path $folder $required))) { throw "package is missing $required" }
    }
    $zip = Join-Path $Artifacts 'Payments.MyPayGa.zip'
    if (Test-Path $zip) { Remove-Item $zip -Force }
    # One root folder holding plugin.json: the shape nopCommerce's "Upload plugin" expects.
    Compress-Archive -Path $folder -DestinationPath $zip
    Write-Host ''
    Get-ChildItem $folder -Recurse -File | ForEach-Object { Write-Host ('  ' + [IO.Path]::GetRelativePath($publish, $_.FullName)) }
    Write-Host "package: $zip ($([math]::Round((Get-Item $zip).Length / 1KB)) KiB)"
}

function Invoke-CheckReference {
    if (-not $NopBin) { throw 'check-reference needs -NopBin <folder with real nopCommerce 4.90 assemblies, e.g. Presentation/Nop.Web/bin/Release/net9.0>' }
    $referenceOut = Join-Path $Artifacts 'reference'
    Invoke-Dotnet build (Join-Path $Root 'reference/nopCommerce-4.90/Nop.Web.Framework/Nop.Web.Framework.csproj') -c $Configuration -o $referenceOut
    Invoke-Dotnet run --project (Join-Path $Root 'tools/MyPayGa.ReferenceChecker') -c $Configuration -- --reference $referenceOut --nop (Resolve-Path $NopBin).Path
}

function Invoke-Bench {
    $project = Join-Path $Root 'tests/MyPayGa.Benchmarks'
    if ($Micro) {
        Invoke-Dotnet run --project $project -c Release -- --micro
        return
    }
    $benchArgs = @('--out', (Join-Path $Artifacts 'bench/latest.md'))
    if ($Smoke) { $benchArgs += '--smoke' }
    Invoke-Dotnet run --project $project -c Release -- @benchArgs
}

switch ($Task) {
    'help' { Get-Help $PSCommandPath -Detailed | Out-String | Write-Host }
    'build' { Invoke-Build }
    'test' { Invoke-Test }
    'package' { Invoke-Package }
    'sandbox' { Invoke-Dotnet run --project (Join-Path $Root 'tools/MyPayGa.Sandbox') -c $Configuration -- --urls $Urls }
    'check-reference' { Invoke-CheckReference }
    'logo' { Invoke-Dotnet run --project (Join-Path $Root 'tools/MyPayGa.LogoGenerator') -c $Configuration -- (Join-Path $Root 'logo.png') }
    'bench' { Invoke-Bench }
    'format' { Invoke-Dotnet format $Solution --verify-no-changes }
}
