using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngineInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engine_definitions",
                columns: table => new
                {
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResourceName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeployedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_definitions", x => new { x.ProcessId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "engine_ended_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Variables = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_ended_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_forms",
                columns: table => new
                {
                    FormId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeployedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_forms", x => new { x.FormId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "engine_history",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ElementType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "engine_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoundaryElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RepetitionsLeft = table.Column<int>(type: "INTEGER", nullable: true),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LockOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LockExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_message_ids",
                columns: table => new
                {
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_message_ids", x => x.MessageId);
                });

            migrationBuilder.CreateTable(
                name: "engine_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrelationKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Variables = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrelationKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoundaryElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DelegatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CandidateGroups = table.Column<string>(type: "TEXT", nullable: false),
                    CandidateUsers = table.Column<string>(type: "TEXT", nullable: false),
                    DueDate = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpDate = table.Column<long>(type: "INTEGER", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LoopCounter = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_BusinessKey",
                table: "engine_ended_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_ProcessId_EndedAt",
                table: "engine_ended_instances",
                columns: new[] { "ProcessId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_history_InstanceId",
                table: "engine_history",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_engine_incidents_InstanceId",
                table: "engine_incidents",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_BusinessKey",
                table: "engine_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_ParentInstanceId",
                table: "engine_instances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_ProcessId_Status",
                table: "engine_instances",
                columns: new[] { "ProcessId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_DueAt",
                table: "engine_jobs",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_engine_jobs_ElementInstanceId",
                table: "engine_jobs",
                column: "ElementInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_engine_messages_Name_CorrelationKey",
                table: "engine_messages",
                columns: new[] { "Name", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_subscriptions_ElementInstanceId",
                table: "engine_subscriptions",
                column: "ElementInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_engine_subscriptions_MessageName_CorrelationKey",
                table: "engine_subscriptions",
                columns: new[] { "MessageName", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_Assignee_DueDate",
                table: "engine_tasks",
                columns: new[] { "Assignee", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_DueDate",
                table: "engine_tasks",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_InstanceId",
                table: "engine_tasks",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_definitions");

            migrationBuilder.DropTable(
                name: "engine_ended_instances");

            migrationBuilder.DropTable(
                name: "engine_forms");

            migrationBuilder.DropTable(
                name: "engine_history");

            migrationBuilder.DropTable(
                name: "engine_incidents");

            migrationBuilder.DropTable(
                name: "engine_instances");

            migrationBuilder.DropTable(
                name: "engine_jobs");

            migrationBuilder.DropTable(
                name: "engine_message_ids");

            migrationBuilder.DropTable(
                name: "engine_messages");

            migrationBuilder.DropTable(
                name: "engine_subscriptions");

            migrationBuilder.DropTable(
                name: "engine_tasks");
        }
    }
}
