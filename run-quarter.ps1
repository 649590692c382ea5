<#
.SYNOPSIS
    Runs one BlindSpot quarter end to end with 'blindspot run-quarter': ingest → features → score → dispatch → discovery-index → report.

.DESCRIPTION
    With no parameters it runs the latest quarter of the bundled sample data with the repository's models/. The sample
    is first copied to ./data/sample (git-ignored), so the committed sample-data/ is never modified. Builds the CLI
    (Cli/bin/Release/net10.0/blindspot.dll, the program ./blindspot runs) only when it is missing or a source is newer
    than the last build, runs the quarter (a rerun skips the stages whose inputs are unchanged and resumes at the first
    incomplete one), prints the stage summary, where the worklists and the run report are and the commands to look
    further (with the exact --data), and exits non-zero on failure.

.PARAMETER Quarter
    The quarter to run, e.g. 2026Q3. Default: the latest quarter delivered under <DataRoot>/raw.

.PARAMETER DataRoot
    The data root to run on. Default: ./data/sample, a working copy of ./sample-data.

.PARAMETER Models
    The models folder with a live model per variant. Default: the repository's models/.

.PARAMETER Postgres
    Hangfire job storage in PostgreSQL (Npgsql connection string): the run is enqueued for 'blindspot worker' processes.
    Default: in-memory storage, the run happens in this process.

.PARAMETER Wait
    With -Postgres: follow the run until it ends (in-memory runs always wait).

.EXAMPLE
    dotnet pwsh -File run-quarter.ps1
    dotnet pwsh -File run-quarter.ps1 -Quarter 2026Q2 -DataRoot /srv/blindspot
    dotnet pwsh -File run-quarter.ps1 -Postgres "Host=db;Username=blindspot;Password=…;Database=blindspot" -Wait
#>
[CmdletBinding()]
param(
    [string] $Quarter,
    [string] $DataRoot,
    [string] $Models,
    [string] $Postgres,
    [switch] $Wait
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = $PSScriptRoot

if (-not $Models) { $Models = Join-Path $repo 'models' }
$live = @(Get-ChildItem -Path $Models -Filter 'live.json' -Recurse -ErrorAction SilentlyContinue)
if ($live.Count -eq 0) {
    Write-Host "!! No live models under $Models."
    Write-Host "   The repository's models/ has no promoted models yet. Train and promote one per variant, e.g.:"
    Write-Host "     blindspot train --variant household --train 2025Q3..2026Q1 --valid 2026Q2 --data <root> --models <dir>"
    Write-Host "     blindspot models promote household/<version> --models <dir> --data <root>"
    Write-Host "   then run again with -Models <dir>."
    exit 1
}

if (-not $DataRoot) {
    $DataRoot = Join-Path $repo 'data/sample'
    if (-not (Test-Path $DataRoot)) {
        Write-Host "Copying the bundled sample-data to $DataRoot (the committed sample stays untouched)"
        New-Item -ItemType Directory -Force -Path (Split-Path $DataRoot) | Out-Null
        Copy-Item -Recurse (Join-Path $repo 'sample-data') $DataRoot
    }
}
$DataRoot = (Resolve-Path $DataRoot).Path

if (-not $Quarter) {
    $raw = Join-Path $DataRoot 'raw'
    if (-not (Test-Path $raw)) { Write-Host "!! No raw deliveries under ${raw}: give -DataRoot a data root made by 'blindspot generate'."; exit 1 }
    $Quarter = Get-ChildItem -Directory $raw | Where-Object Name -Match '^\d{4}Q[1-4]$' | Sort-Object Name | Select-Object -Last 1 -ExpandProperty Name
    if (-not $Quarter) { Write-Host "!! No quarter folders (YYYYQn) under $raw."; exit 1 }
}

$cli = Join-Path $repo 'Cli/bin/Release/net10.0/blindspot.dll'
# Written after every build (also by ./blindspot): MSBuild leaves blindspot.dll untouched when only a library changed,
# so the dll's own time cannot tell a finished build from a stale one.
$stamp = Join-Path $repo 'Cli/bin/Release/net10.0/blindspot.build-stamp'

# Even a no-op 'dotnet build' costs 4–12 s (restore and up-to-date checks of nine projects); comparing file times
# costs well under a second, so a rerun only builds when a source changed.
function Test-BuildNeeded {
    if (-not (Test-Path $cli) -or -not (Test-Path $stamp)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $folders = 'Core', 'Simulation', 'Ingestion', 'Features', 'Scoring', 'Dispatch', 'Pipeline', 'Portal', 'Cli', 'catalog' | ForEach-Object { Join-Path $repo $_ }
    $files = @('Directory.Build.props', 'Directory.Packages.props', 'global.json' | ForEach-Object { Get-Item (Join-Path $repo $_) })
    $files += Get-ChildItem -File -Recurse -Path $folders | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    return [bool]($files | Where-Object LastWriteTimeUtc -gt $built | Select-Object -First 1)
}

if (Test-BuildNeeded) {
    if (-not (Test-Path $cli)) { Write-Host "Building the blindspot command once (Release; about 1–4 minutes on 2 cores, see README) …" }
    # Quiet on success (dotnet build prints MSBuild's summary even under -v quiet); the full log only when it fails.
    $log = & dotnet build (Join-Path $repo 'Cli/BlindSpot.Cli.csproj') -c Release -nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) { $log | Out-Host; Write-Host "!! Build failed."; exit 1 }
    New-Item -ItemType File -Force -Path $stamp | Out-Null
}

$arguments = @('run-quarter', $Quarter, '--data', $DataRoot, '--models', (Resolve-Path $Models).Path)
if ($Postgres) { $arguments += @('--postgres', $Postgres) }
if ($Wait) { $arguments += '--wait' }

Write-Host "BlindSpot quarter $Quarter on $DataRoot"
& dotnet $cli @arguments | Out-Host
$status = $LASTEXITCODE
if ($status -ne 0) {
    Write-Host "!! run-quarter $Quarter failed (exit $status): see above. Run the script again after fixing it; finished stages are skipped."
    exit $status
}

# The CLI's default data root is ./data; this run's is $DataRoot, so every next command names it.
$blindspot = if ($IsWindows) { "dotnet $cli" } else { Join-Path $repo 'blindspot' }
if ($Postgres -and -not $Wait) {
    Write-Host "Enqueued. Follow it with: $blindspot runs show $Quarter --data $DataRoot"
    exit 0
}

# run-quarter has printed where the worklists and the report are; say only what to type next.
Write-Host ""
Write-Host "Quarter $Quarter finished. Next, with the blindspot command ($blindspot, or dotnet $cli):"
Write-Host "  $blindspot runs show $Quarter --data $DataRoot"
Write-Host "  $blindspot runs list --data $DataRoot"
Write-Host "  $blindspot --help"
exit 0
