using System.CommandLine;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Regions;
using BlindSpot.Portal;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Storage;
using Npgsql;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot users add|disable|reset</c>: portal accounts, in PostgreSQL (--postgres) or the embedded accounts file
/// (--data). Passwords are read from standard input (one line), never from the command line, where other users and shell
/// history would see them.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextWriter output, TextReader input)
    {
        var add = new Command("add", "Add an account; reads its password (at least 12 characters) from standard input.");
        var name = new Argument<string>("name") { Description = "Sign-in name: lower-case letters, digits, '.', '-', '_'." };
        var role = new Option<string>("--role") { Description = "officer (시군구), eupmyeondong (읍면동), analyst or admin.", Required = true };
        // Checked while parsing, so a wrong role exits 2 before the password is read.
        role.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } given && !PortalRole.IsKnown(given))
            {
                result.AddError($"'{given}' is not a role: use {string.Join(", ", PortalRole.All)}.");
            }
        });
        var sigungu = new Option<string?>("--sigungu") { Description = "The officer's 시군구 code (5 digits), or a 읍면동 officer's 읍면동 code (8 digits); officers only." };
        add.Add(name);
        add.Add(role);
        add.Add(sigungu);
        var disable = new Command("disable", "Disable an account: it can no longer sign in, its live sessions end, and it stays in the audit log.") { name };
        var reset = new Command("reset", "Set a new password (read from standard input) and re-enable the account; sessions opened before end.") { name };
        var users = new Command("users", "Portal accounts: municipal officers (one 시군구 each), analysts, admins.") { add, disable, reset };
        foreach (var command in new[] { add, disable, reset })
        {
            var postgres = PipelineHost.Postgres();
            var data = CommonOptions.Data();
            var schema = new Option<string>("--portal-schema") { Description = "Schema of the portal's tables in PostgreSQL; configuration key Portal:PostgresSchema.", DefaultValueFactory = _ => new PortalOptions().PostgresSchema }.Configures("Portal:PostgresSchema");
            command.Add(postgres);
            command.Add(data);
            command.Add(schema);
            command.SetAction(async (parse, ct) =>
            {
                var (store, database) = Store(CliSettings.Of(parse).Postgres, CliSettings.Of(parse).Portal().PostgresSchema, CliSettings.Of(parse).DataRoot.Path);
                await using var _ = database;
                var administration = new AccountAdministration(store, RegionRegistry.LoadDefault());
                var user = parse.GetValue(name)!;
                if (command == disable)
                {
                    await administration.DisableAsync(user, ct);
                    await output.WriteLineAsync($"users: {user} disabled.");
                }
                else
                {
                    var password = await input.ReadLineAsync(ct) ?? throw new BadArgumentsException("users: give the password on standard input (one line).");
                    if (command == add)
                    {
                        await BadArgumentsException.CheckAsync(() => administration.AddAsync(user, parse.GetValue(role)!, parse.GetValue(sigungu), password, ct));
                        await output.WriteLineAsync($"users: {user} added.");
                    }
                    else
                    {
                        await BadArgumentsException.CheckAsync(() => administration.ResetAsync(user, password, ct));
                        await output.WriteLineAsync($"users: {user} password reset, enabled, earlier sessions ended.");
                    }
                }

                return ExitCodes.Success;
            });
        }

        return users;
    }

    private static (IAccountStore Store, PortalDatabase? Database) Store(string? connection, string schema, string data)
    {
        if (connection is null)
        {
            return (new FileAccountStore(Path.Combine(new PortalOptions { DataRoot = data }.PortalFolder, "accounts.json")), null);
        }

        new PortalOptions { DataRoot = data, PostgresSchema = schema }.Validate();
        var database = new PortalDatabase(NpgsqlDataSource.Create(connection), schema);
        return (new PostgresAccountStore(database), database);
    }
}
