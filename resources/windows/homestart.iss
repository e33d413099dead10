; Inno Setup script: the Windows installer of Home-Start Desktop.
; Build (after `pyinstaller build.spec`):  iscc resources\windows\homestart.iss
; The version comes from pyproject.toml: build.spec writes it to dist\installer-version.iss.
; Result: dist\Home-Start-Desktop-<version>-setup.exe
;
; Per user, no admin rights: installs in %LOCALAPPDATA%\Programs\Home-Start Desktop, adds a
; Start menu entry, opens .hscase files with the app. Upgrading replaces the program folder
; only. Uninstalling removes the program and never a case file, backup, setting or log: those
; live in the user's own folders, which the uninstaller does not touch.

#ifexist "..\..\dist\installer-version.iss"
  #include "..\..\dist\installer-version.iss"
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Home-Start Desktop"
#define SourceDir "..\..\dist\Home-Start Desktop"

[Setup]
AppId={{6D1B7C1E-3F0A-4E8B-9C55-2B7E4A1D9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Home-Start Vlaanderen
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Home-Start-Desktop-{#AppVersion}-setup
SetupIconFile=..\homestart.ico
UninstallDisplayIcon={app}\homestart.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
; Code signing: see README "Signing". With a certificate, add for example
; SignTool=signtool sign /f "$qC:\certs\homestart.pfx$q" /p $p /tr http://timestamp.digicert.com /td sha256 /fd sha256 $f

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder (never the user's data: that is elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\homestart.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\homestart.exe"; Tasks: desktopicon

[Registry]
; .hscase opens with the app (for this user: HKCU through HKA when not elevated).
Root: HKA; Subkey: "Software\Classes\.hscase"; ValueType: string; ValueName: ""; ValueData: "HomeStart.CaseFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\HomeStart.CaseFile"; ValueType: string; ValueName: ""; ValueData: "Home-Start case file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\HomeStart.CaseFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\homestart.exe,0"
Root: HKA; Subkey: "Software\Classes\HomeStart.CaseFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\homestart.exe"" ""%1"""

[Run]
Filename: "{app}\homestart.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. Case files (*.hscase), their backups folders, settings and logs are
; the coordinator's and stay.
Type: dirifempty; Name: "{app}"
