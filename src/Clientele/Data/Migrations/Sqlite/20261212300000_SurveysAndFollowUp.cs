using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    /// <summary>Issue 21: the three questions' answers and personal links, the follow-up rules and the record of the tasks they made (ADR 030).</summary>
    public partial class SurveysAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    MinScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProductWish = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferralName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferralPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReferralEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ReferralLeadId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: true),
                    InteractionId = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_AspNetUsers_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "Interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Leads_ReferralLeadId",
                        column: x => x.ReferralLeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRuleHits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRuleHits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRuleHits_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpRuleHits_FollowUpRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "FollowUpRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpRuleHits_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SurveyLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyLinks_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SurveyLinks_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyLinks_SurveyAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "SurveyAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRuleHits_ClientId",
                table: "FollowUpRuleHits",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRuleHits_RuleId_EventId",
                table: "FollowUpRuleHits",
                columns: new[] { "RuleId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRuleHits_TaskId",
                table: "FollowUpRuleHits",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_AnsweredAt",
                table: "SurveyAnswers",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ClientId_AnsweredAt",
                table: "SurveyAnswers",
                columns: new[] { "ClientId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_EmployeeId",
                table: "SurveyAnswers",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_InteractionId",
                table: "SurveyAnswers",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ReferralLeadId",
                table: "SurveyAnswers",
                column: "ReferralLeadId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyLinks_AnswerId",
                table: "SurveyLinks",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyLinks_ClientId",
                table: "SurveyLinks",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyLinks_CreatedById",
                table: "SurveyLinks",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyLinks_Token",
                table: "SurveyLinks",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpRuleHits");

            migrationBuilder.DropTable(
                name: "SurveyLinks");

            migrationBuilder.DropTable(
                name: "FollowUpRules");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");
        }
    }
}
