using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EthicsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "electronic_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Meaning = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SignerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_electronic_signatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ethics_committees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    QuorumMajorityOfMembers = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuorumMinimumPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumRequiresLayMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuorumRequiresBothSexes = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuorumRequiresNonAffiliated = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionMajority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContinuingReviewMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_committees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ethics_committee_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Affiliated = table.Column<bool>(type: "INTEGER", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Expertise = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_committee_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_committee_members_ethics_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "ethics_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethics_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    QuorumMet = table.Column<bool>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_meetings_ethics_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "ethics_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Track = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_reviews_ethics_committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "ethics_committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_reviews_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_conflicts_of_interest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_conflicts_of_interest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_conflicts_of_interest_ethics_committee_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ethics_committee_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_conflicts_of_interest_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_meeting_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_meeting_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_attendance_ethics_committee_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ethics_committee_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_attendance_ethics_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ethics_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethics_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LetterDocumentVersionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_decisions_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_meeting_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DiscussionNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_meeting_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_items_ethics_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ethics_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_items_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_review_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OpinionText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Checklist = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OpinionAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_review_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_review_assignments_ethics_committee_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ethics_committee_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_review_assignments_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethics_review_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_review_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_review_documents_document_versions_DocumentVersionId",
                        column: x => x.DocumentVersionId,
                        principalTable: "document_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_review_documents_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethics_meeting_recusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_meeting_recusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_recusals_ethics_committee_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ethics_committee_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_meeting_recusals_ethics_meeting_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ethics_meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethics_votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Option = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_votes_ethics_committee_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ethics_committee_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_votes_ethics_meeting_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ethics_meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 105, "ethics.committees.manage", "admin", "AllProjects" },
                    { 106, "ethics.read", "admin", "AllProjects" },
                    { 107, "ethics.administer", "admin", "AllProjects" },
                    { 108, "ethics.committees.manage", "ec-secretary", "AllProjects" },
                    { 109, "ethics.read", "ec-secretary", "ApprovedProjects" },
                    { 110, "ethics.administer", "ec-secretary", "ApprovedProjects" },
                    { 111, "ethics.submit", "ec-secretary", "ApprovedProjects" },
                    { 112, "ethics.read", "ec-member", "ApprovedProjects" },
                    { 113, "ethics.vote", "ec-member", "ApprovedProjects" },
                    { 114, "ethics.read", "ec-chair", "ApprovedProjects" },
                    { 115, "ethics.vote", "ec-chair", "ApprovedProjects" },
                    { 116, "ethics.decide", "ec-chair", "ApprovedProjects" },
                    { 117, "ethics.suspend", "ec-chair", "ApprovedProjects" },
                    { 118, "ethics.read", "cti-director", "AllProjects" },
                    { 119, "ethics.suspend", "cti-director", "AllProjects" },
                    { 120, "ethics.read", "applicant", "Project" },
                    { 121, "ethics.submit", "applicant", "Project" },
                    { 122, "ethics.read", "pi", "Project" },
                    { 123, "ethics.submit", "pi", "Project" },
                    { 124, "ethics.read", "sub-investigator", "Project" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_electronic_signatures_RecordType_RecordId",
                table: "electronic_signatures",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_committee_members_CommitteeId_UserName",
                table: "ethics_committee_members",
                columns: new[] { "CommitteeId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_committee_members_UserName",
                table: "ethics_committee_members",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_committees_Code",
                table: "ethics_committees",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_conflicts_of_interest_MemberId",
                table: "ethics_conflicts_of_interest",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_conflicts_of_interest_ProjectId_MemberId",
                table: "ethics_conflicts_of_interest",
                columns: new[] { "ProjectId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_decisions_ProjectId_DecidedAt",
                table: "ethics_decisions",
                columns: new[] { "ProjectId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_decisions_ReviewId",
                table: "ethics_decisions",
                column: "ReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_attendance_MeetingId_MemberId",
                table: "ethics_meeting_attendance",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_attendance_MemberId",
                table: "ethics_meeting_attendance",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_items_MeetingId_ReviewId",
                table: "ethics_meeting_items",
                columns: new[] { "MeetingId", "ReviewId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_items_ReviewId",
                table: "ethics_meeting_items",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_recusals_ItemId_MemberId",
                table: "ethics_meeting_recusals",
                columns: new[] { "ItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meeting_recusals_MemberId",
                table: "ethics_meeting_recusals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_meetings_CommitteeId_ScheduledAt",
                table: "ethics_meetings",
                columns: new[] { "CommitteeId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_review_assignments_MemberId",
                table: "ethics_review_assignments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_review_assignments_ReviewId_MemberId",
                table: "ethics_review_assignments",
                columns: new[] { "ReviewId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_review_documents_DocumentVersionId",
                table: "ethics_review_documents",
                column: "DocumentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_review_documents_ReviewId_DocumentVersionId",
                table: "ethics_review_documents",
                columns: new[] { "ReviewId", "DocumentVersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reviews_CommitteeId_Status",
                table: "ethics_reviews",
                columns: new[] { "CommitteeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reviews_ProjectId_Kind",
                table: "ethics_reviews",
                columns: new[] { "ProjectId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_votes_ItemId_MemberId",
                table: "ethics_votes",
                columns: new[] { "ItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_votes_MemberId",
                table: "ethics_votes",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "electronic_signatures");

            migrationBuilder.DropTable(
                name: "ethics_conflicts_of_interest");

            migrationBuilder.DropTable(
                name: "ethics_decisions");

            migrationBuilder.DropTable(
                name: "ethics_meeting_attendance");

            migrationBuilder.DropTable(
                name: "ethics_meeting_recusals");

            migrationBuilder.DropTable(
                name: "ethics_review_assignments");

            migrationBuilder.DropTable(
                name: "ethics_review_documents");

            migrationBuilder.DropTable(
                name: "ethics_votes");

            migrationBuilder.DropTable(
                name: "ethics_committee_members");

            migrationBuilder.DropTable(
                name: "ethics_meeting_items");

            migrationBuilder.DropTable(
                name: "ethics_meetings");

            migrationBuilder.DropTable(
                name: "ethics_reviews");

            migrationBuilder.DropTable(
                name: "ethics_committees");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 105);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 106);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 107);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 108);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 109);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 110);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 111);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 112);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 113);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 114);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 115);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 116);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 117);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 118);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 119);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 120);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 121);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 122);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 123);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 124);
        }
    }
}
