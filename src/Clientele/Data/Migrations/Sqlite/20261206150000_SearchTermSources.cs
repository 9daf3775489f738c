using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>
    /// Search terms begin with the field they came from, so that a search reads only what the reader may see (issue 17).
    /// The old terms go; <see cref="Clientele.Data.Migrator"/> derives the new ones from the clients and their contacts.
    /// </summary>
    public partial class SearchTermSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "ClientSearchTerms";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The terms of the older format cannot be told apart from the new ones by SQL: a search finds nothing
            // until the clients are saved again.
            migrationBuilder.Sql("""DELETE FROM "ClientSearchTerms";""");
        }
    }
}
