using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>
    /// Search terms keyed by (ClientId, Term), found through an index on (Term, ClientId). Written by hand: EF Core cannot
    /// declare a WITHOUT ROWID table, whose key is the table itself, one B-tree fewer for every term written. SQLite cannot
    /// change a primary key in place, so the table is rebuilt (no other table refers to it).
    /// </summary>
    public partial class SearchTermsByClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ClientSearchTerms_new" (
                    "ClientId" INTEGER NOT NULL,
                    "Term" TEXT NOT NULL,
                    CONSTRAINT "PK_ClientSearchTerms" PRIMARY KEY ("ClientId", "Term"),
                    CONSTRAINT "FK_ClientSearchTerms_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ClientSearchTerms_new" ("ClientId", "Term")
                SELECT "ClientId", "Term" FROM "ClientSearchTerms" ORDER BY "ClientId", "Term";
                """);
            migrationBuilder.Sql("""DROP TABLE "ClientSearchTerms";""");
            migrationBuilder.Sql("""ALTER TABLE "ClientSearchTerms_new" RENAME TO "ClientSearchTerms";""");
            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_Term_ClientId",
                table: "ClientSearchTerms",
                columns: new[] { "Term", "ClientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ClientSearchTerms_old" (
                    "ClientId" INTEGER NOT NULL,
                    "Term" TEXT NOT NULL,
                    CONSTRAINT "PK_ClientSearchTerms" PRIMARY KEY ("Term", "ClientId"),
                    CONSTRAINT "FK_ClientSearchTerms_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ClientSearchTerms_old" ("ClientId", "Term")
                SELECT "ClientId", "Term" FROM "ClientSearchTerms" ORDER BY "Term", "ClientId";
                """);
            migrationBuilder.Sql("""DROP TABLE "ClientSearchTerms";""");
            migrationBuilder.Sql("""ALTER TABLE "ClientSearchTerms_old" RENAME TO "ClientSearchTerms";""");
            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_ClientId",
                table: "ClientSearchTerms",
                column: "ClientId");
        }
    }
}
