using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lifetime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientLifetimes",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<double>(type: "REAL", nullable: false),
                    Recency = table.Column<double>(type: "REAL", nullable: false),
                    Age = table.Column<double>(type: "REAL", nullable: false),
                    MeanRepeatValue = table.Column<long>(type: "INTEGER", nullable: false),
                    AliveProbability = table.Column<double>(type: "REAL", nullable: true),
                    ExpectedPurchases90Days = table.Column<double>(type: "REAL", nullable: true),
                    ExpectedAverageValue = table.Column<long>(type: "INTEGER", nullable: true),
                    MarginRate = table.Column<double>(type: "REAL", nullable: false),
                    Clv = table.Column<long>(type: "INTEGER", nullable: true),
                    UsualIntervalDays = table.Column<double>(type: "REAL", nullable: true),
                    LastPurchase = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysSinceLastPurchase = table.Column<int>(type: "INTEGER", nullable: false),
                    AbcClass = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskSince = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    EpisodeTaskId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLifetimes", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientLifetimes_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientLifetimes_Tasks_EpisodeTaskId",
                        column: x => x.EpisodeTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifetimeFits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AsOf = table.Column<int>(type: "INTEGER", nullable: false),
                    FittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Clients = table.Column<int>(type: "INTEGER", nullable: false),
                    R = table.Column<double>(type: "REAL", nullable: true),
                    Alpha = table.Column<double>(type: "REAL", nullable: true),
                    A = table.Column<double>(type: "REAL", nullable: true),
                    B = table.Column<double>(type: "REAL", nullable: true),
                    LogLikelihood = table.Column<double>(type: "REAL", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SpendClients = table.Column<int>(type: "INTEGER", nullable: false),
                    P = table.Column<double>(type: "REAL", nullable: true),
                    Q = table.Column<double>(type: "REAL", nullable: true),
                    Gamma = table.Column<double>(type: "REAL", nullable: true),
                    SpendLogLikelihood = table.Column<double>(type: "REAL", nullable: true),
                    FrequencyValueCorrelation = table.Column<double>(type: "REAL", nullable: true),
                    SpendError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtRisk = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifetimeFits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifetimeSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AliveThreshold = table.Column<double>(type: "REAL", nullable: false),
                    LostThreshold = table.Column<double>(type: "REAL", nullable: false),
                    IntervalFactor = table.Column<double>(type: "REAL", nullable: false),
                    MinSilenceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualDiscountRate = table.Column<double>(type: "REAL", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    JobHourUtc = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskClasses = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifetimeSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifetimes_EpisodeTaskId",
                table: "ClientLifetimes",
                column: "EpisodeTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifetimes_Reason_Clv",
                table: "ClientLifetimes",
                columns: new[] { "Reason", "Clv" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Name_StartedAt",
                table: "JobRuns",
                columns: new[] { "Name", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LifetimeFits_FittedAt",
                table: "LifetimeFits",
                column: "FittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientLifetimes");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "LifetimeFits");

            migrationBuilder.DropTable(
                name: "LifetimeSettings");
        }
    }
}
