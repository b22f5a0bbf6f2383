#!/usr/bin/env pwsh
# Builds, tests and packages the MyPayGa payment plugin for nopCommerce 4.90.
# Run with PowerShell 7, a local dotnet tool of this repository:
#     dotnet tool restore
#     dotnet pwsh -NoProfile -File build.ps1 <task> [options]
# `build.ps1 help` lists the tasks and options.
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
    [switch] $RequireBrowser,
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
$ChromiumInstall = 'apt-get update && apt-get install -y chromium chromium-driver'
# nopCommerce 4.90 targets .NET 9; only a newer runtime may be installed.
$env:DOTNET_ROLL_FORWARD = 'Major'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# The nopCommerce projects the plugin compiles against, as laid out in nopCommerce 4.90's src folder
# (the plugin csproj references each of them when -NopSource is given).
$NopSourceProjects = @(
    'Libraries/Nop.Core/Nop.Core.csproj',
    'Libraries/Nop.Data/Nop.Data.csproj',
    'Libraries/Nop.Services/Nop.Services.csproj',
    'Presentation/Nop.Web.Framework/Nop.Web.Framework.csproj',
    'Presentation/Nop.Web/Nop.Web.csproj',
    'Build/ClearPluginAssemblies.proj'
)

function Show-Help {
    Write-Host @'
MyPayGa payment plugin for nopCommerce 4.90: build, test, package.

Usage
  dotnet tool restore                                   (once: PowerShell 7 as a local tool)
  dotnet pwsh -NoProfile -File build.ps1 <task> [options]

Tasks
  help             this text
  build            build every project; the plugin compiles against reference/nopCommerce-4.90,
                   or, with -NopSource, inside a real nopCommerce 4.90 source tree
  test             run every test suite (client, sandbox, plugin, reference checker, browser) and print
                   "tests: N passed, N failed, N skipped". The browser tests need Chromium: when it is
                   missing they are left out with a warning (install: apt-get install -y chromium chromium-driver)
  package          build the installable zip artifacts/Payments.MyPayGa.zip (upload it in nopCommerce:
                   Configuration > Local plugins > Upload plugin or theme)
  sandbox          run the local MyPayGa sandbox (default http://127.0.0.1:5099); Ctrl+C stops it
  check-reference  compare reference/nopCommerce-4.90 with real nopCommerce 4.90 assemblies (-NopBin)
  logo             redraw logo.png (tools/MyPayGa.LogoGenerator)
  bench            measure against baselines in the same run (a sandbox on 127.0.0.1 started by the command) and
                   print a table of ratios with their targets, also written to artifacts/bench/latest.md;
                   it measures and reports, it asserts nothing about timing
  format           check formatting (dotnet format --verify-no-changes)

Options
  -Configuration <Release|Debug>   build configuration (default Release)
  -NopSource <path>                nopCommerce 4.90 'src' folder: build/package the plugin inside that tree
                                   (output: Presentation/Nop.Web/Plugins/Payments.MyPayGa)
  -NopBin <path>                   folder with real Nop.Core/Nop.Services/Nop.Web.Framework/Nop.Web DLLs,
                                   e.g. Nop.Web's bin (for check-reference)
  -Filter <expression>             dotnet test filter for 'test', e.g. -Filter "FullyQualifiedName~Refund"
  -SkipBrowser                     leave the browser tests out of 'test'
  -RequireBrowser                  fail 'test' unless the browser tests ran and passed (CI; the environment
                                   variable MYPAYGA_REQUIRE_BROWSER=1 does the same)
  -Urls <url>                      listening address for 'sandbox' (default http://127.0.0.1:5099)
  -Smoke                           'bench' with tiny counts (seconds; CI runs it to keep the harness working)
  -Micro                           'bench' runs the BenchmarkDotNet micro-benchmarks instead

Environment
  MYPAYGA_CHROMIUM                 Chromium used by the browser tests (default /usr/bin/chromium)

Examples
  dotnet pwsh -NoProfile -File build.ps1 test
  dotnet pwsh -NoProfile -File build.ps1 test -Filter "FullyQualifiedName~Configuration" -SkipBrowser
  dotnet pwsh -NoProfile -File build.ps1 build -NopSource ~/nopCommerce/src
  dotnet pwsh -NoProfile -File build.ps1 sandbox -Urls http://127.0.0.1:6000
'@
}

# A simple function (no param block): '-c', '-o' ... reach dotnet as they are instead of binding to
# PowerShell's common parameters.
function Invoke-Dotnet {
    $Arguments = @($args | ForEach-Object { $_ })
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

function Write-Banner([string[]] $Lines, [ConsoleColor] $Color = 'Yellow') {
    $rule = '=' * 100
    Write-Host ''
    Write-Host $rule -ForegroundColor $Color
    foreach ($line in $Lines) { Write-Host "  $line" -ForegroundColor $Color }
    Write-Host $rule -ForegroundColor $Color
    Write-Host ''
}

function Get-NopSourceArgs {
    if (-not $NopSource) { return @() }
    $full = (Resolve-Path $NopSource).Path
    $missing = @($NopSourceProjects | Where-Object { -not (Test-Path (Join-Path $full $_)) })
    if ($missing.Count -gt 0) {
        throw "-NopSource must be a nopCommerce 4.90 'src' folder; not found in ${full}: $($missing -join ', ')"
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

function Get-ChromiumPath {
    if ($env:MYPAYGA_CHROMIUM) { return $env:MYPAYGA_CHROMIUM }
    return '/usr/bin/chromium'
}

function Test-BrowserRequired {
    return $RequireBrowser -or ($env:MYPAYGA_REQUIRE_BROWSER -in @('1', 'true', 'yes'))
}

function Invoke-Test {
    $required = Test-BrowserRequired
    if ($required -and $SkipBrowser) { throw '-SkipBrowser contradicts -RequireBrowser / MYPAYGA_REQUIRE_BROWSER' }

    $runBrowser = -not $SkipBrowser
    $browserMissing = $false
    $chromium = Get-ChromiumPath
    if ($runBrowser -and -not (Test-Path $chromium -PathType Leaf)) {
        if ($required) {
            throw "Chromium was not found at $chromium and the browser tests are required here. Install it: $ChromiumInstall"
        }
        $runBrowser = $false
        $browserMissing = $true
        Write-Banner @(
            "BROWSER TESTS WILL NOT RUN: Chromium was not found at $chromium.",
            "Install it (about a minute), then run this command again:",
            "    $ChromiumInstall",
            '(or point MYPAYGA_CHROMIUM at another Chromium). Every other suite runs now.')
    }

    Invoke-Dotnet build $Solution -c $Configuration
    $results = Join-Path $Artifacts 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj' | Sort-Object FullName
    if (-not $runBrowser) { $projects = @($projects | Where-Object { $_.BaseName -notlike '*Browser*' }) }

    $failedProjects = @()
    foreach ($project in $projects) {
        $testArgs = @('test', $project.FullName, '-c', $Configuration, '--no-build',
            '--logger', "trx;LogFileName=$($project.BaseName).trx", '--results-directory', $results)
        if ($Filter) { $testArgs += @('--filter', $Filter) }
        Write-Host "> dotnet $($testArgs -join ' ')" -ForegroundColor DarkGray
        & dotnet @testArgs
        if ($LASTEXITCODE -ne 0) { $failedProjects += $project.BaseName }
    }

    # One closing line over every suite, read from the TRX files.
    $passed = 0; $failed = 0; $skipped = 0; $browserPassed = 0
    foreach ($trx in Get-ChildItem $results -Filter '*.trx' -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
        if ($trx.BaseName -like '*Browser*') { $browserPassed += [int] $counters.passed }
    }
    Write-Host ''
    Write-Host "tests: $passed passed, $failed failed, $skipped skipped"
    if ($browserMissing) {
        Write-Banner @(
            'BROWSER TESTS NOT RUN: Chromium is missing. Install it and run the tests again:',
            "    $ChromiumInstall")
    }
    if ($failedProjects.Count -gt 0) { throw "failing test projects: $($failedProjects -join ', ')" }
    if ($passed -eq 0) { throw 'no test ran' }
    if ($required -and $browserPassed -eq 0) {
        throw 'the browser tests are required here (-RequireBrowser / MYPAYGA_REQUIRE_BROWSER) but none passed'
    }
}

function Invoke-Package {
    $publish = Join-Path $Artifacts 'publish'
    $folder = Join-Path $publish 'Payments.MyPayGa'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    New-Item -ItemType Directory -Path $folder | Out-Null
    Invoke-Dotnet build $PluginProject -c $Configuration -o $folder @(Get-NopSourceArgs)

    # Keep only what the store needs: our DLLs, the DLLs the host lacks, views, content, plugin.json, logo.
    # FluentMigrator: the reference stubs of 7.1.0 land in the shared output folder; the store ships the real ones.
    $hostProvided = '^(Nop\.|Microsoft\.|System\.|FluentMigrator)'
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
    # Nop.Web's reference project references the three others: one build puts the four DLLs side by side.
    Invoke-Dotnet build (Join-Path $Root 'reference/nopCommerce-4.90/Nop.Web/Nop.Web.csproj') -c $Configuration -o $referenceOut
    Invoke-Dotnet run --project (Join-Path $Root 'tools/MyPayGa.ReferenceChecker') -c $Configuration -- --reference $referenceOut --nop (Resolve-Path $NopBin).Path
}

# The sandbox runs as a child process that this script owns: built first, then started directly (no `dotnet run`
# in between), and killed with its process tree whenever the script stops — Ctrl+C in a terminal (which also
# reaches the sandbox, so it shuts down cleanly), Ctrl+C sent to PowerShell alone (an IDE's stop button), or an error.
function Invoke-Sandbox {
    $project = Join-Path $Root 'tools/MyPayGa.Sandbox/MyPayGa.Sandbox.csproj'
    Invoke-Dotnet build $project -c $Configuration
    $dll = Join-Path $Root "tools/MyPayGa.Sandbox/bin/$Configuration/net9.0/MyPayGa.Sandbox.dll"
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--urls', $Urls)) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = Split-Path $dll
    $start.UseShellExecute = $false
    Write-Host "> dotnet $dll --urls $Urls   (Ctrl+C stops it)" -ForegroundColor DarkGray
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        # Short waits: PowerShell can only act on Ctrl+C between two .NET calls.
        while (-not $process.WaitForExit(250)) { }
        if ($process.ExitCode -ne 0) { throw "the sandbox exited with code $($process.ExitCode)" }
    }
    finally {
        if (-not $process.HasExited) {
            Write-Host 'stopping the sandbox' -ForegroundColor DarkGray
            $process.Kill($true)
            $process.WaitForExit(10000) | Out-Null
        }
        $process.Dispose()
    }
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
    'help' { Show-Help }
    'build' { Invoke-Build }
    'test' { Invoke-Test }
    'package' { Invoke-Package }
    'sandbox' { Invoke-Sandbox }
    'check-reference' { Invoke-CheckReference }
    'logo' { Invoke-Dotnet run --project (Join-Path $Root 'tools/MyPayGa.LogoGenerator') -c $Configuration -- (Join-Path $Root 'logo.png') }
    'bench' { Invoke-Bench }
    'format' { Invoke-Dotnet format $Solution --verify-no-changes }
}
