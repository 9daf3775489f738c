using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SmsAndCallLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CallResult",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "OutboxMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "TaskId",
                table: "OutboxMessages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SmsGatewaySettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Preset = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BodyFormat = table.Column<int>(type: "integer", nullable: false),
                    BodyTemplate = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AuthHeader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AcceptedPattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublicUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MessagesPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsGatewaySettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TaskId",
                table: "OutboxMessages",
                column: "TaskId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_Tasks_TaskId",
                table: "OutboxMessages",
                column: "TaskId",
                principalTable: "Tasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_Tasks_TaskId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "SmsGatewaySettings");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_TaskId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CallResult",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "TaskId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Campaigns");
        }
    }
}
