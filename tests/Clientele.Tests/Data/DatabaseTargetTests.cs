using Clientele.Data;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Data;

public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_given_means_the_sqlite_file_in_the_working_directory(string? value)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal("clientele.db", new SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
    }

    [Theory]
    [InlineData("sqlite:/var/lib/clientele/base.db", "/var/lib/clientele/base.db")]
    [InlineData("SQLite:relative.db", "relative.db")]
    [InlineData(" sqlite:/tmp/with space.db ", "/tmp/with space.db")]
    [InlineData("sqlite:Data Source=/tmp/cs.db;Mode=ReadWriteCreate", "/tmp/cs.db")]
    public void Sqlite_takes_a_path_or_a_connection_string(string value, string file)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        var builder = new SqliteConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(file, builder.DataSource);
        Assert.True(builder.Pooling);
        Assert.Equal($"sqlite:{file}", target.ToString());
    }

    [Theory]
    [InlineData("postgres:Host=db;Database=crm;Username=app")]
    [InlineData("postgresql:Host=db;Database=crm;Username=app")]
    [InlineData("Postgres:Host=db;Database=crm;Username=app")]
    public void Postgres_keeps_the_connection_string(string value)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("Host=db;Database=crm;Username=app", target.ConnectionString);
    }

    [Fact]
    public void The_description_never_shows_the_password()
    {
        var target = DatabaseTarget.Parse("postgres:Host=db;Username=app;Password=s3cret;Database=crm");

        Assert.DoesNotContain("s3cret", target.ToString());
        Assert.Contains("Password=***", target.ToString());
        Assert.Contains("Password=s3cret", target.ConnectionString);
    }

    [Theory]
    [InlineData("clientele.db")]
    [InlineData(":memory:")]
    [InlineData("sqlite:")]
    [InlineData("postgres:")]
    [InlineData("mysql:Server=x")]
    [InlineData("C:/data/x.db")]
    public void Anything_else_is_a_format_error(string value) =>
        Assert.Throws<FormatException>(() => DatabaseTarget.Parse(value));
}
