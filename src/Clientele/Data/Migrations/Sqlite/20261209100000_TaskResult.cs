using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>
    /// A task's result, written when it is marked done (issue 20's /tasks page), and the index the page's views of all
    /// open tasks read in due order.
    /// </summary>
    [DbContext(typeof(SqliteClienteleDb))]
    [Migration("20261209100000_TaskResult")]
    public partial class TaskResult : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "Tasks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Done_DueAt",
                table: "Tasks",
                columns: new[] { "Done", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Tasks_Done_DueAt", table: "Tasks");
            migrationBuilder.DropColumn(name: "Result", table: "Tasks");
        }
    }
}
