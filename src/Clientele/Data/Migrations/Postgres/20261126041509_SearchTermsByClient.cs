using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTermsByClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ClientSearchTerms",
                table: "ClientSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_ClientSearchTerms_ClientId",
                table: "ClientSearchTerms");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClientSearchTerms",
                table: "ClientSearchTerms",
                columns: new[] { "ClientId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_Term_ClientId",
                table: "ClientSearchTerms",
                columns: new[] { "Term", "ClientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ClientSearchTerms",
                table: "ClientSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_ClientSearchTerms_Term_ClientId",
                table: "ClientSearchTerms");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClientSearchTerms",
                table: "ClientSearchTerms",
                columns: new[] { "Term", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchTerms_ClientId",
                table: "ClientSearchTerms",
                column: "ClientId");
        }
    }
}
