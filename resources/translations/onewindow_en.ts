<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../ui/audit_screen.py" line="83"/>
        <source>用户名，留空为全部</source>
        <translation>User name; leave blank for all</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="85"/>
        <source>如 intake. 或 review.grant，留空为全部</source>
        <translation>e.g. intake. or review.grant; leave blank for all</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="87"/>
        <source>办件号、证照号等，包含即可</source>
        <translation>Case no., licence no. and the like; any part matches</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="90"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="91"/>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="92"/>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="95"/>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="99"/>
        <source>核验审计链</source>
        <translation>Verify the audit chain</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="101"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="103"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="105"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="110"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="111"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="116"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="131"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="134"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="112"/>
        <location filename="../../ui/audit_screen.py" line="135"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="113"/>
        <location filename="../../ui/audit_screen.py" line="136"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="114"/>
        <location filename="../../ui/audit_screen.py" line="137"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="115"/>
        <location filename="../../ui/audit_screen.py" line="138"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="159"/>
        <source>起始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="194"/>
        <source>共 {total} 条，第 {page}/{pages} 页（按时间倒序）</source>
        <translation>{total} in all, page {page}/{pages} (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="205"/>
        <source>正在核验审计链…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="212"/>
        <source>审计链完整：共 {count} 条记录，未发现篡改</source>
        <translation>Audit chain intact: {count} records, no tampering found</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="216"/>
        <source>审计链异常：第 {seq} 条起 {reason}。请保全数据库文件并报告。</source>
        <translation>Audit chain broken from record {seq}: {reason}. Preserve the database file and report it.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="223"/>
        <source>导出审计日志</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="223"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_screen.py" line="245"/>
        <source>已导出 {count} 条记录到 {path}</source>
        <translation>Exported {count} record(s) to {path}</translation>
    </message>
</context>
<context>
    <name>CaseSearchScreen</name>
    <message>
        <location filename="../../ui/case_search.py" line="41"/>
        <source>统一社会信用代码、名称、办件编号或证照编号，回车查询</source>
        <translation>USCC, name, case number or licence number, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="49"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="49"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="49"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="49"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="49"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="53"/>
        <source>补正材料已收</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="67"/>
        <source>查询：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="84"/>
        <source>找到 {count} 个办件</source>
        <translation>{count} case(s) found</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="86"/>
        <source>没有找到符合条件的办件</source>
        <translation>No case matches</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="125"/>
        <source>&#x3000;帮办代办：{staff}</source>
        <translation>&#x3000;Assisted by: {staff}</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="127"/>
        <source>{number}&#x3000;{name}（{uscc}）&#x3000;状态：{status}&#x3000;首问责任人：{responder}</source>
        <translation>{number}&#x3000;{name} ({uscc})&#x3000;Status: {status}&#x3000;First responder: {responder}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="167"/>
        <source>首次登录：请修改密码</source>
        <translation>First login: please change your password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="172"/>
        <source>密码至少 8 位，须同时包含字母和数字</source>
        <translation>At least 8 characters, with both letters and digits</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="180"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="181"/>
        <source>再输一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="192"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>CommitmentChecksPanel</name>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="115"/>
        <source>只看本部门（{department}）</source>
        <translation>Only my department ({department})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="119"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="134"/>
        <source>登记核查结果</source>
        <translation>Record the check result</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="137"/>
        <source>核查发现：现场核查的具体情况（登记不合格时必填）</source>
        <translation>Findings: what the on-site check found (required for a fail)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="139"/>
        <source>登记合格</source>
        <translation>Record pass</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="140"/>
        <source>登记不合格，责令整改</source>
        <translation>Record fail, order rectification</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="149"/>
        <source>整改复查</source>
        <translation>Rectification re-check</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="153"/>
        <source>复查情况（未整改时必填）</source>
        <translation>Re-check findings (required if not rectified)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="154"/>
        <source>整改完成</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="155"/>
        <source>未整改，撤销许可…</source>
        <translation>Not rectified, annul the permit…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="218"/>
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="219"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="220"/>
        <source>许可证号</source>
        <translation>Permit no.</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="221"/>
        <source>办件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="222"/>
        <source>核查（整改）期限</source>
        <translation>Check (rectification) due</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="223"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="229"/>
        <source>整改已逾期</source>
        <translation>Rectification overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="229"/>
        <source>限期整改中</source>
        <translation>Rectifying</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="230"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="230"/>
        <source>待核查</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="235"/>
        <source>{department}待核查的告知承诺事项</source>
        <translation>Commitment matters to check: {department}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="238"/>
        <source>待核查的告知承诺事项（各部门）</source>
        <translation>Commitment matters to check (all departments)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="266"/>
        <location filename="../../ui/inspection_workbench.py" line="369"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="268"/>
        <source>{name}
{uscc}</source>
        <translation>{name}
{uscc}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="270"/>
        <location filename="../../ui/inspection_workbench.py" line="376"/>
        <source>尚未出证</source>
        <translation>Not issued yet</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="292"/>
        <source>共 {count} 项：已逾期 {overdue} 项，限期整改中 {rectifying} 项</source>
        <translation>{count} in all: {overdue} overdue, {rectifying} rectifying</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="297"/>
        <source>没有待核查的告知承诺事项</source>
        <translation>No commitment matters to check</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="359"/>
        <source>请在上面的列表中选择一项核查任务</source>
        <translation>Choose a check in the list above</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="371"/>
        <source>{name}（{uscc}）&#x3000;{matter}</source>
        <translation>{name} ({uscc})&#x3000;{matter}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="374"/>
        <source>办件 {application}&#x3000;许可证 {permit}&#x3000;监管部门 {department}</source>
        <translation>Case {application}&#x3000;Permit {permit}&#x3000;Supervising department: {department}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="379"/>
        <source>应于 {due} 前核查</source>
        <translation>Check due by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="380"/>
        <source>&#x3000;已逾期</source>
        <translation>&#x3000;Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="386"/>
        <location filename="../../ui/inspection_workbench.py" line="465"/>
        <source>该办件没有告知承诺记录，无法核查</source>
        <translation>This case has no commitment record, so it cannot be checked</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="391"/>
        <source>告知承诺书所列条件（核查期限 {window}）；已勾选的为核查不合格时认定不符合的条件：</source>
        <translation>Conditions in the commitment letter (check within {window}); the ticked ones were found not met when the check failed:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="395"/>
        <source>告知承诺书所列条件（核查期限 {window}）。勾选不符合承诺的条件（空格键勾选）；登记合格时不勾选，视为以上条件均已核查且符合：</source>
        <translation>Conditions in the commitment letter (check within {window}). Tick each condition not met (Space ticks); for a pass tick none, and every condition counts as checked and met:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="413"/>
        <source>设定依据：{basis}</source>
        <translation>Legal basis: {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="413"/>
        <source>待核实</source>
        <translation>to be confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="431"/>
        <source>核查不合格（{who}，{time}）。不符合：{items}。发现：{findings}。整改期限：{due}</source>
        <translation>Check failed ({who}, {time}). Not met: {items}. Findings: {findings}. Rectify by: {due}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="440"/>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="459"/>
        <location filename="../../ui/inspection_workbench.py" line="507"/>
        <source>请先在列表中选择一项核查任务</source>
        <translation>Choose a check in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="462"/>
        <source>该核查已登记结果，不能重复登记</source>
        <translation>This check already has a result; it cannot be recorded twice</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="471"/>
        <source>已勾选不符合的条件，不能登记合格；请取消勾选或登记不合格</source>
        <translation>Conditions are ticked as not met, so it cannot pass; untick them or record a fail</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="475"/>
        <source>登记不合格须勾选至少一项不符合的承诺条件</source>
        <translation>A fail needs at least one ticked condition that is not met</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="478"/>
        <source>登记不合格须填写核查发现的具体情况</source>
        <translation>A fail needs the findings of the check</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="491"/>
        <source>已登记核查合格：{matter}（{permit}）</source>
        <translation>Check passed: {matter} ({permit})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="496"/>
        <source>已登记核查不合格，责令限期整改，整改期限 {due}</source>
        <translation>Check failed; rectification ordered by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="510"/>
        <source>该核查没有待复查的整改</source>
        <translation>This check has no rectification to re-check</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="515"/>
        <source>未整改须写明复查情况</source>
        <translation>If not rectified, describe what the re-check found</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="527"/>
        <source>（尚未出证）</source>
        <translation>(not issued yet)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="530"/>
        <source>整改未通过</source>
        <translation>Not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="532"/>
        <source>确认 {name} 逾期未整改？
许可证 {permit}（{matter}）将被撤销，并记入信用记录。此决定不可撤回。</source>
        <translation>Confirm that {name} did not rectify in time?
Permit {permit} ({matter}) will be annulled and a credit record made. This decision cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="544"/>
        <source>整改完成，核查合格：{matter}</source>
        <translation>Rectified; check passed: {matter}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="546"/>
        <source>整改未通过：许可证 {permit} 已撤销，已记入信用记录</source>
        <translation>Not rectified: permit {permit} annulled and entered in the credit record</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="550"/>
        <source>整改未通过，已记入信用记录；许可证尚未出证或已不在有效状态，请审批部门处理办件</source>
        <translation>Not rectified; entered in the credit record. The permit is not issued yet or no longer valid: the approving department must handle the case</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="564"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="47"/>
        <source>受理 (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="49"/>
        <source>一次性补正…</source>
        <translation>One-time supplement notice…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="50"/>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="58"/>
        <source>确认受理</source>
        <translation>Confirm and accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="63"/>
        <source>告知承诺事项：申请人签署告知承诺书的当场作出决定；未签署的按一般程序审查（双轨制）。</source>
        <translation>Commitment matters: decided on the spot when the applicant signs the commitment letter; otherwise reviewed by the ordinary procedure (dual track).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="110"/>
        <source>没有需办理的许可事项（准入即营），无需受理。</source>
        <translation>No permit is needed (may operate on registration); nothing to accept.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="114"/>
        <source>许可事项</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="114"/>
        <source>改革方式</source>
        <translation>Reform mode</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="114"/>
        <source>受理后</source>
        <translation>After acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="114"/>
        <source>告知承诺书</source>
        <translation>Commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="130"/>
        <source>申请人已签署告知承诺书</source>
        <translation>Applicant signed the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/confirm_page.py" line="173"/>
        <source>受理前请处理：</source>
        <translation>Before accepting, please resolve:</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/permit_screen.py" line="91"/>
        <source>{action}许可证 {number}</source>
        <translation>{action} permit {number}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="98"/>
        <source>{matter}&#x3000;{holder}（{uscc}）
当前状态：{status}&#x3000;作出许可决定的部门：{department}</source>
        <translation>{matter}&#x3000;{holder} ({uscc})
Current status: {status}&#x3000;Granted by: {department}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="122"/>
        <source>暂扣至：</source>
        <translation>Suspend until:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="124"/>
        <source>指定延续后的有效期（不勾选则自今日起 5 年）</source>
        <translation>Set the renewed validity (otherwise 5 years from today)</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="132"/>
        <source>有效期至：</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="141"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="142"/>
        <source>经营场所/住所：</source>
        <translation>Place of business / address:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="143"/>
        <source>法定代表人：</source>
        <translation>Legal representative:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="150"/>
        <source>以虚假承诺取得许可（记入信用记录）</source>
        <translation>Obtained by a false commitment (entered in the credit record)</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="153"/>
        <source>作出决定的事实、理由和依据（必填），回车提交</source>
        <translation>Facts, reasons and legal basis of the decision (required); Enter submits</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="154"/>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="162"/>
        <location filename="../../ui/permit_screen.py" line="232"/>
        <source>确定{action}</source>
        <translation>{action}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="164"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="178"/>
        <source>暂扣</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="179"/>
        <source>解除暂扣</source>
        <translation>Reinstate</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="180"/>
        <source>撤销</source>
        <translation>Annul</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="181"/>
        <source>吊销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="182"/>
        <source>注销</source>
        <translation>Deregister</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="183"/>
        <source>延续</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="184"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="190"/>
        <source>暂扣期间许可证状态为“暂扣”，扫码验证显示已暂扣；期满或原因消除后解除暂扣。</source>
        <translation>While suspended, the permit&apos;s status is “Suspended” and a QR scan shows it as suspended; it is reinstated when the period ends or the cause is removed.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="192"/>
        <source>解除暂扣后许可证恢复有效。</source>
        <translation>Once reinstated, the permit is valid again.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="193"/>
        <source>撤销后许可证失去效力（状态“撤销”），不可恢复。</source>
        <translation>Once annulled, the permit loses its effect (status “Annulled”); this cannot be reversed.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="195"/>
        <source>吊销是行政处罚：许可证状态“吊销”，并记入市场主体信用记录，不可恢复。</source>
        <translation>Revocation is an administrative penalty: the permit&apos;s status becomes “Revoked” and it goes into the business&apos;s credit record; this cannot be reversed.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="197"/>
        <source>注销后许可证不再有效（状态“注销”），不可恢复。</source>
        <translation>Once deregistered, the permit is no longer valid (status “Deregistered”); this cannot be reversed.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="198"/>
        <source>延续将换发新许可证编号，原证状态改为“其他（延续换发）”。</source>
        <translation>Renewal reissues the permit under a new number; the old permit&apos;s status becomes “Other (renewed)”.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="200"/>
        <source>变更将更新市场主体登记信息并换发新许可证编号，原证状态改为“其他（变更换发）”。</source>
        <translation>A change updates the business&apos;s registered details and reissues the permit under a new number; the old permit&apos;s status becomes “Other (changed)”.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="217"/>
        <source>请填写决定的事实、理由和依据</source>
        <translation>Give the facts, reasons and legal basis of the decision</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="221"/>
        <source>没有任何事项发生变化，无需变更</source>
        <translation>Nothing has changed; there is nothing to change</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="230"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="62"/>
        <source>18位，可用扫码枪扫描营业执照</source>
        <translation>18 characters; you can scan the business licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="65"/>
        <source>与营业执照一致；输入名称可查找已登记主体</source>
        <translation>As on the business licence; typing a name finds registered businesses</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="68"/>
        <source>18位公民身份号码</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="70"/>
        <location filename="../../ui/intake/enterprise_page.py" line="117"/>
        <source>住所（主要经营场所）</source>
        <translation>Address (main place of business)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="72"/>
        <source>手机或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="76"/>
        <source>位于自由贸易试验区内（自贸区内）</source>
        <translation>Located in the pilot free trade zone (FTZ)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="84"/>
        <source>主管覆盖…</source>
        <translation>Supervisor override…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="86"/>
        <source>校验位不正确但代码确系登记机关所发：请主管输入账号密码并说明理由</source>
        <translation>The check character is wrong but the code was really issued by the registration authority: a supervisor enters their account and password and gives a reason</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="91"/>
        <source>已登记的市场主体（↓ 进入列表，回车载入）：</source>
        <translation>Registered businesses (↓ enters the list, Enter loads):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="108"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code (USCC)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="109"/>
        <location filename="../../ui/intake/enterprise_page.py" line="276"/>
        <source>市场主体名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="111"/>
        <location filename="../../ui/intake/enterprise_page.py" line="280"/>
        <source>法定代表人（负责人）</source>
        <translation>Legal representative (person in charge)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="116"/>
        <source>法定代表人身份证号</source>
        <translation>Legal representative&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="118"/>
        <location filename="../../ui/intake/enterprise_page.py" line="268"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="119"/>
        <source>主体类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="131"/>
        <source>主体信息</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="132"/>
        <source>带 * 的为必填项；回车到下一项，Alt+N 下一步。</source>
        <translation>Fields marked * are required; Enter goes to the next field, Alt+N to the next step.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="283"/>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="303"/>
        <source>校验位警告已由主管覆盖</source>
        <translation>Check-character warning overridden by a supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="334"/>
        <source>统一社会信用代码校验位不正确，须主管覆盖后才能受理</source>
        <translation>The USCC check character is wrong; a supervisor must override before acceptance</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/intake/form_page.py" line="53"/>
        <source>请先在“经营范围/行业”中选择，再填写申请表。</source>
        <translation>First choose on the “Scope / industry” step, then fill in the form.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="57"/>
        <source>一表填报</source>
        <translation>One form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="60"/>
        <source>各事项相同的内容只填一次；带 * 的为必填项；灰色内容取自“主体信息”。</source>
        <translation>What several matters ask is filled in once; fields marked * are required; grey values come from “Applicant”.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="110"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="110"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="110"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="114"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="115"/>
        <source>年-月-日，如 2026-11-26</source>
        <translation>Year-month-day, e.g. 2026-11-26</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="116"/>
        <source>手机或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="117"/>
        <source>18位公民身份号码</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="118"/>
        <source>18位统一社会信用代码</source>
        <translation>18-character USCC</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="137"/>
        <source>如：{options}</source>
        <translation>e.g. {options}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="158"/>
        <source>（未填写，请在“主体信息”中填写）</source>
        <translation>(not filled in; enter it on “Applicant”)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_page.py" line="214"/>
        <source>请在“主体信息”中填写{name}</source>
        <translation>Enter {name} on the “Applicant” step</translation>
    </message>
</context>
<context>
    <name>FreezeOverrideDialog</name>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="174"/>
        <location filename="../../ui/intake/override_dialog.py" line="200"/>
        <source>授权继续受理</source>
        <translation>Allow intake to continue</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="182"/>
        <source>如：中心平台网络故障，已电话确认事项清单无变化</source>
        <translation>e.g. the central platform is down; confirmed by phone that the catalog has not changed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="187"/>
        <source>请大厅管理员输入本人账号和密码，并说明理由。</source>
        <translation>The hall administrator enters their own user name and password and gives a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="189"/>
        <source>请说明理由。</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="192"/>
        <source>{reason}

授权后今日可继续受理（事项清单同步成功后自动恢复正常）。
{ask}授权记入审计日志。</source>
        <translation>{reason}

Once allowed, intake continues for the rest of today (back to normal when the catalog syncs).
{ask} The authorisation is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="194"/>
        <source>事项清单长时间未与中心平台同步，已暂停新受理。</source>
        <translation>The catalog has not been synced with the central platform for too long; new intake is paused.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="201"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="212"/>
        <source>大厅管理员用户名：</source>
        <translation>Hall administrator&apos;s user name:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="213"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="217"/>
        <source>授权理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="233"/>
        <source>请大厅管理员输入本人用户名和密码</source>
        <translation>The hall administrator must enter their own user name and password</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="237"/>
        <source>请填写授权理由（至少 {count} 个字）</source>
        <translation>Please give a reason (at least {count} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="242"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>InspectionDrawsPanel</name>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="604"/>
        <source>抽中 {user} 检查的市场主体（双随机、一公开）</source>
        <translation>Businesses drawn for {user} to inspect (random inspection, results made public)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="607"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="613"/>
        <source>录入检查结果（每个对象只能录入一次）</source>
        <translation>Record the inspection result (once per business)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="618"/>
        <source>检查情况（发现问题时必填）；回车录入</source>
        <translation>Findings (required when problems are found); Enter records</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="619"/>
        <source>录入结果</source>
        <translation>Record result</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="621"/>
        <source>检查结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="625"/>
        <source>检查情况：</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="629"/>
        <source>公示本次抽查结果（一公开）</source>
        <translation>Publish the results of this draw</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="663"/>
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="664"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code (USCC)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="665"/>
        <source>抽查事项</source>
        <translation>Inspected matter</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="666"/>
        <source>抽取时间</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="667"/>
        <source>随机种子</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="668"/>
        <source>同组执法人员</source>
        <translation>Co-inspectors</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="669"/>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="670"/>
        <source>公示</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="674"/>
        <source>待录入</source>
        <translation>To record</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="679"/>
        <source>已公示</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="679"/>
        <source>待公示</source>
        <translation>To publish</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="683"/>
        <source>{name}（{user}）</source>
        <translation>{name} ({user})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="767"/>
        <source>请在上面的列表中选择一个抽查对象</source>
        <translation>Choose a business in the list above</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="767"/>
        <source>本人暂无抽查任务</source>
        <translation>You have no inspections assigned</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="777"/>
        <source>{name}（{uscc}，信用 {credit} 类）&#x3000;抽查事项：{matter}（{department}）</source>
        <translation>{name} ({uscc}, credit class {credit})&#x3000;Inspected matter: {matter} ({department})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="784"/>
        <source>抽查编号 {draw}&#x3000;随机种子“{seed}”&#x3000;抽取时间 {time}&#x3000;同组执法人员：{team}</source>
        <translation>Draw {draw}&#x3000;seed “{seed}”&#x3000;drawn {time}&#x3000;co-inspectors: {team}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="806"/>
        <source>本次抽查共抽中 {subjects} 个市场主体：已录入结果 {recorded} 个，未录入 {missing} 个，待公示 {pending} 条</source>
        <translation>This draw picked {subjects} businesses: {recorded} results recorded, {missing} not yet recorded, {pending} to publish</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="818"/>
        <source>检查结果：{label}（{who}，{time}）</source>
        <translation>Result: {label} ({who}, {time})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="822"/>
        <source>：{findings}</source>
        <translation>: {findings}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="824"/>
        <source>；已于 {time} 公示</source>
        <translation>; published {time}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="833"/>
        <location filename="../../ui/inspection_workbench.py" line="872"/>
        <source>请先在列表中选择一个抽查对象</source>
        <translation>Choose a business in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="836"/>
        <source>该对象本次抽查的结果已录入，不能重复录入</source>
        <translation>This business&apos;s result is already recorded; it cannot be recorded twice</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="843"/>
        <source>检查结果为“{label}”，请填写发现的具体问题</source>
        <translation>The result is “{label}”: describe the problems found</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="862"/>
        <source>已录入 {uscc} 的检查结果：{label}</source>
        <translation>Result recorded for {uscc}: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="875"/>
        <source>本次抽查没有待公示的检查结果</source>
        <translation>This draw has no results to publish</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="886"/>
        <source>公示检查结果</source>
        <translation>Publish inspection results</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="888"/>
        <source>本次抽查还有 {missing} 个市场主体未录入结果。现在只公示已录入的 {pending} 条，其余录入后可再次公示。是否继续？</source>
        <translation>{missing} business(es) in this draw have no result yet. Only the {pending} recorded result(s) are published now; the rest can be published once recorded. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="898"/>
        <source>已公示 {count} 条检查结果</source>
        <translation>{count} inspection result(s) published</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="906"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
</context>
<context>
    <name>InspectionWorkbench</name>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="934"/>
        <source>承诺核查</source>
        <translation>Commitment checks</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="935"/>
        <source>双随机抽查</source>
        <translation>Random inspections</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="945"/>
        <source>承诺核查（{count}）</source>
        <translation>Commitment checks ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="947"/>
        <source>承诺核查（{count}，已逾期 {overdue}）</source>
        <translation>Commitment checks ({count}, {overdue} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_workbench.py" line="952"/>
        <source>双随机抽查（待录入 {count}）</source>
        <translation>Random inspections ({count} to record)</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../ui/intake/checks.py" line="59"/>
        <source>请输入统一社会信用代码</source>
        <translation>Enter the USCC</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="69"/>
        <location filename="../../ui/intake/checks.py" line="96"/>
        <source>已输入 {typed}/{length} 位</source>
        <translation>{typed}/{length} characters entered</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="75"/>
        <location filename="../../ui/intake/checks.py" line="102"/>
        <source>校验通过</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="90"/>
        <source>第{position}位字符“{char}”应为数字，请核对公民身份号码</source>
        <translation>Character {position} “{char}” should be a digit; check the resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="117"/>
        <source>联系电话只能包含数字和“-”</source>
        <translation>A phone number may contain only digits and “-”</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="120"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="122"/>
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="127"/>
        <source>手机号码已输入 {typed}/11 位</source>
        <translation>Mobile number: {typed}/11 digits entered</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="134"/>
        <source>固定电话：区号加号码，如 0354-3012345</source>
        <translation>Landline: area code and number, e.g. 0354-3012345</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="139"/>
        <source>手机号码应为11位，当前为{typed}位</source>
        <translation>A mobile number has 11 digits; this one has {typed}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="145"/>
        <source>联系电话应为11位手机号码，或带区号的固定电话（如 0354-3012345）</source>
        <translation>The phone should be an 11-digit mobile number or a landline with area code (e.g. 0354-3012345)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="157"/>
        <source>{label}应为数字，如 120 或 85.5</source>
        <translation>{label} should be a number, e.g. 120 or 85.5</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="170"/>
        <source>{label}应写作“年-月-日”，如 2026-11-26</source>
        <translation>{label} should be written year-month-day, e.g. 2026-11-26</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checks.py" line="179"/>
        <location filename="../../ui/intake/checks.py" line="184"/>
        <source>请填写{name}</source>
        <translation>Please fill in {name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="37"/>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="38"/>
        <source>个体工商户</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <location filename="../../ui/intake/enterprise_page.py" line="39"/>
        <source>农民专业合作社</source>
        <translation>Farmers&apos; cooperative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="32"/>
        <source>按原规定办理</source>
        <translation>Former procedure</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="62"/>
        <source>一业一证</source>
        <translation>One licence per industry</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="64"/>
        <source>多业一证</source>
        <translation>One licence for several industries</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="65"/>
        <source>按经营范围</source>
        <translation>By business scope</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="88"/>
        <source>仅在自贸区内实行改革，区外按原规定办理</source>
        <translation>Reformed only inside the FTZ; the former procedure applies outside</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="91"/>
        <source>总量控制：剩余 {remaining}</source>
        <translation>Quota: {remaining} left</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="96"/>
        <source>可先行试营业</source>
        <translation>Trial operation allowed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="103"/>
        <source>当场</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="106"/>
        <source>当场（承诺）</source>
        <translation>On the spot (commitment)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="107"/>
        <source>当场或 {days} 个工作日</source>
        <translation>On the spot or {days} working days</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="110"/>
        <source>{days} 个工作日</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="117"/>
        <source>按原规定分送审批（{department}，{days} 个工作日）</source>
        <translation>Sent for review under the former procedure ({department}, {days} working days)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="121"/>
        <source>取消审批并推送主管部门（{department}）</source>
        <translation>Approval abolished; passed to the competent department ({department})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="125"/>
        <source>当场办结并出具备案凭证</source>
        <translation>Completed on the spot with a filing receipt</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="128"/>
        <source>告知承诺：当场作出准予许可决定，{window}内核查</source>
        <translation>Commitment: permit granted on the spot, inspected within {window}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="132"/>
        <source>告知承诺：当场作出准予许可决定</source>
        <translation>Commitment: permit granted on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="133"/>
        <source>未签署告知承诺书：按一般程序分送审批（{department}）</source>
        <translation>Commitment letter not signed: sent for review by the ordinary procedure ({department})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="136"/>
        <source>分送审批（{department}，{days} 个工作日）</source>
        <translation>Sent for review ({department}, {days} working days)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="146"/>
        <source>表单字段 {fields_before} → {fields_after}，材料 {materials_before} → {materials_after}，法定时限 {days_before} → {days_after} 个工作日</source>
        <translation>Form fields {fields_before} → {fields_after}, materials {materials_before} → {materials_after}, statutory time limit {days_before} → {days_after} working days</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="193"/>
        <source>行业 {code} 不在当前事项清单中</source>
        <translation>Industry {code} is not in the current catalog</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="207"/>
        <source>申请事项 {code} 不在当前事项清单中，请与申请人核对</source>
        <translation>Matter {code} is not in the current catalog; please check with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/model.py" line="215"/>
        <source>申请事项“{name}”未能对应到行业或经营范围，请在第②步补选</source>
        <translation>The matter “{name}” matches no industry or scope term; please choose it in step ②</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="48"/>
        <source>只有大厅管理员可以覆盖校验警告；{user} 是{role}</source>
        <translation>Only a hall administrator may override a check warning; {user} is {role}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="49"/>
        <source>该主管账户尚未修改初始密码，请先登录系统修改密码后再覆盖</source>
        <translation>This supervisor has not yet changed the initial password; log in and change it before overriding</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="152"/>
        <source>只有大厅管理员可以授权继续受理；{user} 是{role}</source>
        <translation>Only a hall administrator can allow intake to continue; {user} is {role}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="153"/>
        <source>该主管账户尚未修改初始密码，请先登录系统修改密码后再授权</source>
        <translation>This supervisor has not changed the initial password yet; please log in and change it first</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="139"/>
        <source>未完成的草稿</source>
        <translation>Unfinished drafts</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="146"/>
        <location filename="../../ui/intake/wizard.py" line="798"/>
        <source>新办件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="154"/>
        <source>授权继续受理…</source>
        <translation>Allow intake to continue…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="177"/>
        <source>上一步 (Alt+P)</source>
        <translation>Previous (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="178"/>
        <source>下一步 (Alt+N)</source>
        <translation>Next (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="244"/>
        <source>正在载入事项清单…</source>
        <translation>Loading the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="257"/>
        <source>主体信息</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="258"/>
        <source>经营范围/行业</source>
        <translation>Scope / industry</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="259"/>
        <source>一表填报</source>
        <translation>One form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="260"/>
        <source>材料清单</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="261"/>
        <source>确认受理</source>
        <translation>Confirm and accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="278"/>
        <source>事项清单 {version} 已载入</source>
        <translation>Catalog {version} loaded</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="290"/>
        <location filename="../../ui/intake/wizard.py" line="927"/>
        <source>已恢复草稿</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="294"/>
        <source>事项清单载入失败</source>
        <translation>The catalog could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="370"/>
        <source>请核对后再按 Ctrl+Enter 受理</source>
        <translation>Check, then press Ctrl+Enter to accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="397"/>
        <source>{name}（{uscc}）</source>
        <translation>{name} ({uscc})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="398"/>
        <source>（未填写名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="398"/>
        <source>未填写统一社会信用代码</source>
        <translation>no USCC</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="401"/>
        <source>法定代表人 {name}</source>
        <translation>Legal representative {name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="403"/>
        <source>法定代表人未填写</source>
        <translation>No legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="407"/>
        <source>{kind}：{industries}</source>
        <translation>{kind}: {industries}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="409"/>
        <source>尚未选择行业或经营范围</source>
        <translation>No industry or business scope chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="412"/>
        <source> · 自贸区内</source>
        <translation> · in the FTZ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="415"/>
        <source>{scope} · 需办理事项 {count} 项 · 材料已收 {got}/{total}</source>
        <translation>{scope} · {count} matter(s) to handle · materials received {got}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="421"/>
        <source>帮办代办：{staff}</source>
        <translation>Assisted by: {staff}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="435"/>
        <source>该代码的校验位警告此前已由主管覆盖</source>
        <translation>A supervisor already overrode this code&apos;s check-character warning</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="454"/>
        <source>校验位警告已由主管 {who} 覆盖（理由：{reason}）</source>
        <translation>Check-character warning overridden by supervisor {who} (reason: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="456"/>
        <source>主管 {who} 已覆盖统一社会信用代码校验位警告</source>
        <translation>Supervisor {who} overrode the USCC check-character warning</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="482"/>
        <source>⚠ 暂停受理：{reason}</source>
        <translation>⚠ Intake paused: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="488"/>
        <source>已由大厅管理员授权今日继续受理（事项清单已 {days} 天未同步，请尽快联网同步）</source>
        <translation>A hall administrator has allowed intake to continue today (the catalog has not been synced for {days} days; please sync soon)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="507"/>
        <source>大厅管理员 {who} 已授权今日继续受理（理由：{reason}）</source>
        <translation>Hall administrator {who} allowed intake to continue today (reason: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="529"/>
        <source>已载入网上申请 {id}（{name}），请逐项核对后受理、补正或不予受理</source>
        <translation>Online application {id} ({name}) loaded; check each step, then accept, ask for a supplement or refuse</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="549"/>
        <source>网上申请 {id}（一网办，{time} 提交）：受理后办件记为网上申请，与窗口办件同样办理</source>
        <translation>Online application {id} (submitted online at {time}): recorded as an online case, handled like a counter case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="559"/>
        <source>事项清单尚未载入，请稍候</source>
        <translation>The catalog is not loaded yet; please wait</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="561"/>
        <source>请选择行业或经营范围</source>
        <translation>Choose an industry or business scope</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="564"/>
        <source>所选经营范围无需许可（准入即营），无需受理</source>
        <translation>The chosen scope needs no permit (may operate on registration); nothing to accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="580"/>
        <source>一表填报尚有必填项未填：{fields}</source>
        <translation>One form: required fields still empty: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="586"/>
        <source>{step}：{message}</source>
        <translation>{step}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="635"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="661"/>
        <source>操作未完成（程序内部错误）</source>
        <translation>Not done (internal error)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="665"/>
        <source>办件 {number} 已提交，但操作未完成：{error}</source>
        <translation>Case {number} was submitted, but the action was not done: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="669"/>
        <source>操作未完成：{error}</source>
        <translation>Not done: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="691"/>
        <source>材料未收齐</source>
        <translation>Materials incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="693"/>
        <source>以下材料尚未勾选“已收”：
{materials}

仍要受理吗？（材料不全时宜用“一次性补正”）</source>
        <translation>These materials are not ticked as received:
{materials}

Accept anyway? (When materials are missing, a “one-time supplement notice” is usually better.)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="702"/>
        <source>已受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="715"/>
        <source>材料已全部勾选“已收”，无需补正</source>
        <translation>Every material is ticked as received; no supplement needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="722"/>
        <source>已出具一次补正通知，缺少：{materials}</source>
        <translation>one-time supplement notice issued; missing: {materials}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="736"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="736"/>
        <source>请填写不予受理的理由（写入不予受理通知书）：</source>
        <translation>Reason for refusing (it goes into the refusal notice):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="742"/>
        <location filename="../../ui/intake/wizard.py" line="743"/>
        <source>不予受理必须填写理由</source>
        <translation>A refusal needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="748"/>
        <source>确认不予受理</source>
        <translation>Confirm refusal</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="749"/>
        <source>确定对“{name}”的申请不予受理？
理由：{reason}</source>
        <translation>Refuse the application of “{name}”?
Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="757"/>
        <source>不予受理（理由：{reason}）</source>
        <translation>refused (reason: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="762"/>
        <source>办件 {number} {outcome}</source>
        <translation>Case {number} {outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="765"/>
        <source>{text}。{states}</source>
        <translation>{text}. {states}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="768"/>
        <source>{text}。文书可在打印中心打印。</source>
        <translation>{text}. The documents can be printed at the print station.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="845"/>
        <source>未命名主体</source>
        <translation>Unnamed business</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="848"/>
        <source>【网上申请】{title}</source>
        <translation>[Online] {title}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="882"/>
        <source>草稿已保存 {time}</source>
        <translation>Draft saved {time}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="892"/>
        <source>草稿未能保存：{error}</source>
        <translation>Draft not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="892"/>
        <source>程序内部错误</source>
        <translation>internal error</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="918"/>
        <source>草稿不存在（可能已提交或被删除）</source>
        <translation>The draft no longer exists (submitted or deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="931"/>
        <source>草稿未能载入</source>
        <translation>The draft could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/intake/wizard.py" line="946"/>
        <source>未完成的草稿（{count}）</source>
        <translation>Unfinished drafts ({count})</translation>
    </message>
</context>
<context>
    <name>IssuingScreen</name>
    <message>
        <location filename="../../ui/issuing_screen.py" line="39"/>
        <source>请选择待出件的办件</source>
        <translation>Choose a case to issue</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="41"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="44"/>
        <source>出件 (Ctrl+Enter)</source>
        <translation>Issue (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="52"/>
        <source>待出件（全部事项已办结）：</source>
        <translation>Ready to issue (every item decided):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="70"/>
        <source>待出件 {count} 件</source>
        <translation>{count} case(s) ready to issue</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="92"/>
        <source>请向申请人说明：以下事项不予许可——{matters}；其余事项照常出件。</source>
        <translation>Tell the applicant: not granted — {matters}; everything else is issued as usual.</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="99"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="112"/>
        <source>已出件：{count} 份证照</source>
        <translation>Issued: {count} document(s)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="113"/>
        <source>，行业综合许可证 {number}</source>
        <translation>, industry licence {number}</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="116"/>
        <source>签收</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="116"/>
        <source>领取人姓名：</source>
        <translation>Received by (name):</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="39"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="46"/>
        <source>长时间未操作，屏幕已锁定。请 {user} 输入密码解锁。</source>
        <translation>Locked after a period without activity. {user}, enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="52"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="72"/>
        <source>解锁失败</source>
        <translation>Unlock failed</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="67"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="70"/>
        <source>一窗通 · 登录</source>
        <translation>OneWindow · Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="72"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73"/>
        <source>演示环境 — 演示账户密码均为 demo</source>
        <translation>DEMO — every demo account&apos;s password is demo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>语言 Language：</source>
        <translation>Language 语言:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103"/>
        <source>请输入用户名和密码</source>
        <translation>Enter your user name and password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="106"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="114"/>
        <source>首次登录必须修改密码</source>
        <translation>You must change your password at first login</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>一窗通 OneWindow</source>
        <translation>OneWindow 一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="82"/>
        <source>演示环境 — 数据仅供演示，不具法律效力</source>
        <translation>DEMO — data for demonstration only, no legal effect</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="103"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="107"/>
        <source>{who} · 窗口 {window} · 事项清单：{version} · 数据库：{db}</source>
        <translation>{who} · Window {window} · Catalog: {version} · Database: {db}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140"/>
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="144"/>
        <location filename="../../ui/app.py" line="243"/>
        <source>网上申请</source>
        <translation>Online applications</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="148"/>
        <source>审批队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="152"/>
        <location filename="../../ui/app.py" line="258"/>
        <source>监管反馈</source>
        <translation>Supervision feedback</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="156"/>
        <source>监管核查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="160"/>
        <source>证照管理</source>
        <translation>Permits</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="164"/>
        <source>统一出件</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="168"/>
        <source>打印中心</source>
        <translation>Print station</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="172"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="176"/>
        <source>办件查询</source>
        <translation>Case search</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="180"/>
        <source>改革台账</source>
        <translation>Reform ledger</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="184"/>
        <source>智能审批规则</source>
        <translation>Auto-approval rules</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188"/>
        <source>整改回访</source>
        <translation>Rectification follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="192"/>
        <source>证照验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="214"/>
        <source>该角色没有可用的工作台，请联系系统管理员。</source>
        <translation>This role has no workbench; please contact the system administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="279"/>
        <source>已自动备份：{file}</source>
        <translation>Automatic backup made: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="285"/>
        <source>自动备份未完成：{error}</source>
        <translation>Automatic backup not done: {error}</translation>
    </message>
    <message>
        <source>该角色的工作台（系统管理、审计日志、监管核查）将在后续版本提供。</source>
        <translation type="vanished">This role&apos;s workbench (administration, audit log, inspections) comes in a later version.</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="42"/>
        <source>全部已收</source>
        <translation>All received</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="43"/>
        <source>全部清除</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="48"/>
        <source>帮办代办（工作人员代为填报并全程跟进）</source>
        <translation>Assisted service (staff fill in the forms and follow the case throughout)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="50"/>
        <source>帮办人员姓名</source>
        <translation>Assisting staff member&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="54"/>
        <source>申请人提交的材料（空格键勾选“已收”）：</source>
        <translation>Materials from the applicant (Space ticks “received”):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="62"/>
        <source>材料清单</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="65"/>
        <source>清单之外不得要求申请人提交其他材料；缺少的材料在“确认受理”一次性补正。</source>
        <translation>Nothing outside this list may be required; missing materials go into a one-time supplement notice on “Confirm and accept”.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="69"/>
        <source>政府部门已有、无需提交的材料（数据共享获取）：</source>
        <translation>Materials the government already holds, not to be submitted (shared data):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="87"/>
        <source>请先在“经营范围/行业”中选择。</source>
        <translation>First choose on the “Scope / industry” step.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="92"/>
        <source>材料 {before} → {after}：需申请人提交 {submitted} 项，另 {held} 项由政府部门共享，无需提交</source>
        <translation>Materials {before} → {after}: {submitted} from the applicant, {held} more shared by government departments and not to be submitted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="106"/>
        <source>{name} — 无需提交</source>
        <translation>{name} — not to be submitted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/materials_page.py" line="116"/>
        <source>（{copies} 份）</source>
        <translation> ({copies} copies)</translation>
    </message>
</context>
<context>
    <name>OnlineInboxScreen</name>
    <message>
        <location filename="../../ui/online_inbox.py" line="65"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="78"/>
        <location filename="../../ui/online_inbox.py" line="203"/>
        <source>接办 (Enter)</source>
        <translation>Take (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="79"/>
        <source>放弃（退回列表）</source>
        <translation>Give back (to the list)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="101"/>
        <source>网上申请：正在读取…</source>
        <translation>Online applications: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="108"/>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="109"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="110"/>
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="111"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code (USCC)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="112"/>
        <source>申请编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="113"/>
        <source>申请事项</source>
        <translation>Matters applied for</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="119"/>
        <source>本人已接办（未受理）</source>
        <translation>Taken by me (not yet submitted)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="120"/>
        <source>已由 {who} 接办</source>
        <translation>Taken by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="121"/>
        <source>待接办</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="147"/>
        <source>（未列事项，见经营范围）</source>
        <translation>(no matters listed; see the business scope)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="157"/>
        <source>网上申请 {count} 件：待接办 {waiting} 件，本人已接办未受理 {mine} 件</source>
        <translation>{count} online applications: {waiting} waiting, {mine} taken by me and not yet submitted</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="161"/>
        <source>暂无网上申请（与中心平台同步后，本大厅的网上申请列在这里）</source>
        <translation>No online applications (after syncing with the central platform, this hall&apos;s online applications are listed here)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="203"/>
        <source>继续办理 (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="218"/>
        <source>正在接办 {id}…</source>
        <translation>Taking {id}…</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="228"/>
        <source>已接办网上申请 {id}（{name}），已在综合受理中打开</source>
        <translation>Took online application {id} ({name}); it is open in Intake</translation>
    </message>
    <message>
        <location filename="../../ui/online_inbox.py" line="257"/>
        <source>网上申请 {id} 已退回列表</source>
        <translation>Online application {id} is back on the list</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="62"/>
        <source>主管覆盖校验警告</source>
        <translation>Supervisor override of a check warning</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="70"/>
        <source>如：核对营业执照原件，代码为登记机关早期发放</source>
        <translation>e.g. checked the original business licence; code issued early by the registration authority</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="76"/>
        <source>统一社会信用代码 {uscc}
{warning}

如已核对营业执照原件、确认代码无误，
请大厅管理员输入本人账号和密码，并说明理由。覆盖记入审计日志。</source>
        <translation>USCC {uscc}
{warning}

If the original business licence was checked and the code is right,
a hall administrator enters their own account and password and gives a reason. The override is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="82"/>
        <source>覆盖</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="83"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="93"/>
        <source>主管用户名：</source>
        <translation>Supervisor&apos;s user name:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="94"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="95"/>
        <source>覆盖理由：</source>
        <translation>Reason for override:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="111"/>
        <source>请主管输入本人用户名和密码</source>
        <translation>The supervisor must enter their own user name and password</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="115"/>
        <source>请填写覆盖理由（至少 {count} 个字）</source>
        <translation>Give a reason for the override (at least {count} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="120"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>PermitScreen</name>
    <message>
        <location filename="../../ui/permit_screen.py" line="263"/>
        <source>扫描或输入许可证编号；也可输入统一社会信用代码或市场主体名称，回车查询</source>
        <translation>Scan or type a permit number, or a USCC or business name, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="266"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="270"/>
        <location filename="../../ui/permit_screen.py" line="309"/>
        <source>许可证号</source>
        <translation>Permit no.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="271"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="272"/>
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="273"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code (USCC)</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="274"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="275"/>
        <source>审批部门</source>
        <translation>Approving department</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="303"/>
        <source>状态变更记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="308"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="310"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="311"/>
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="312"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="313"/>
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="314"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="322"/>
        <source>许可证：</source>
        <translation>Permit:</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="356"/>
        <source>暂扣…</source>
        <translation>Suspend…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="357"/>
        <source>解除暂扣…</source>
        <translation>Reinstate…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="358"/>
        <source>撤销…</source>
        <translation>Annul…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="359"/>
        <source>吊销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="360"/>
        <source>注销…</source>
        <translation>Deregister…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="361"/>
        <source>延续…</source>
        <translation>Renew…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="362"/>
        <source>变更…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="367"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="368"/>
        <source>暂扣</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="369"/>
        <source>撤销</source>
        <translation>Annulled</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="370"/>
        <source>注销</source>
        <translation>Deregistered</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="371"/>
        <source>失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="372"/>
        <source>吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="373"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="380"/>
        <source>请输入或扫描许可证编号</source>
        <translation>Type or scan a permit number</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="385"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="416"/>
        <source>没有找到“{text}”的许可证</source>
        <translation>No permit found for “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="420"/>
        <source>找到 {count} 个许可证，请选择一个</source>
        <translation>{count} permits found; choose one</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="473"/>
        <source>扫描或输入许可证编号后按回车</source>
        <translation>Scan or type a permit number, then press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="483"/>
        <source>{status}（至 {day}）</source>
        <translation>{status} (until {day})</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="487"/>
        <source>许可证 {number}&#x3000;状态：{status}</source>
        <translation>Permit {number}&#x3000;Status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="492"/>
        <source>许可事项</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="494"/>
        <source>持证主体</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="498"/>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="500"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="502"/>
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="506"/>
        <source>发证时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="508"/>
        <source>{issued}（办件 {application}）</source>
        <translation>{issued} (case {application})</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="513"/>
        <source>作出许可决定的部门</source>
        <translation>Granted by</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="514"/>
        <source>主管（监管）部门</source>
        <translation>Competent (supervising) department</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="517"/>
        <source>状态说明</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="519"/>
        <source>行业综合许可证</source>
        <translation>Industry licence</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="521"/>
        <source>原证</source>
        <translation>Previous permit</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="523"/>
        <source>已换发新证</source>
        <translation>Replaced by</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="531"/>
        <source>本证由{department}作出许可决定，状态变更须由该部门审批人员办理。</source>
        <translation>This permit was granted by {department}; only that department&apos;s reviewers can change its status.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="542"/>
        <source>暂扣至 {day}</source>
        <translation>Suspended until {day}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="544"/>
        <source>新证 {number}</source>
        <translation>New permit {number}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="562"/>
        <source>状态变更记录：暂无（自发证以来状态未变）</source>
        <translation>Status history: none (unchanged since issue)</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="564"/>
        <source>状态变更记录（{count} 条）</source>
        <translation>Status history ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="571"/>
        <source>请先查询并选择一个许可证</source>
        <translation>Search for and choose a permit first</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="595"/>
        <source>程序出现内部错误，已填写的内容仍保留。</source>
        <translation>An internal error occurred; what you entered is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="629"/>
        <source>已{action}许可证 {number}，换发新证 {new}。已出具行业综合许可证的，请通知出件窗口“作废重出”，新证将载明新许可证</source>
        <translation>{action}: permit {number}; new permit {new} issued. If an industry licence was printed, ask the issuing counter to void and reissue it: the new licence will carry the new permit</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="633"/>
        <source>已暂扣许可证 {number}，至 {day}</source>
        <translation>Permit {number} suspended until {day}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="637"/>
        <source>已{action}许可证 {number}，当前状态：{status}</source>
        <translation>{action}: permit {number}; status now {status}</translation>
    </message>
    <message>
        <location filename="../../ui/permit_screen.py" line="641"/>
        <source>；已记入信用记录</source>
        <translation>; entered in the credit record</translation>
    </message>
</context>
<context>
    <name>PrintStation</name>
    <message>
        <location filename="../../ui/print_station.py" line="53"/>
        <source>办件编号，回车载入</source>
        <translation>Case number, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="60"/>
        <source>打印所选 (Ctrl+P)</source>
        <translation>Print selected (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="63"/>
        <source>作废重出…</source>
        <translation>Void and reissue…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="65"/>
        <source>请输入办件编号</source>
        <translation>Enter a case number</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="69"/>
        <source>办件：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="71"/>
        <source>待打印文书（勾选后打印）：</source>
        <translation>Documents to print (tick to print):</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="90"/>
        <source>正在载入办件 {number}…</source>
        <translation>Loading case {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="108"/>
        <source>办件 {number}：{count} 份文书</source>
        <translation>Case {number}: {count} document(s)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="113"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="158"/>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="165"/>
        <source>补打原因</source>
        <translation>Reason for reprint</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="165"/>
        <source>“{title}”已打印过，补打请填写原因：</source>
        <translation>“{title}” was printed before; give the reason for the reprint:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="174"/>
        <source>请先勾选要打印的文书</source>
        <translation>Tick the documents to print first</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="191"/>
        <source>已取消：补打需要填写原因</source>
        <translation>Cancelled: a reprint needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="197"/>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="199"/>
        <source>正在生成 {count} 份文书…</source>
        <translation>Preparing {count} documents…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="210"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="210"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="211"/>
        <source>批量打印</source>
        <translation>Batch printing</translation>
    </message>
    <message>
        <source>正在生成 {title}（{n}/{total}）</source>
        <translation type="vanished">Preparing {title} ({n}/{total})</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="241"/>
        <source>已打印 {count} 份文书</source>
        <translation>{count} document(s) printed</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="242"/>
        <source>（已取消其余）</source>
        <translation> (the rest cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="254"/>
        <source>请先选中行业综合许可证</source>
        <translation>Select the industry licence first</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="259"/>
        <source>作废重出</source>
        <translation>Void and reissue</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="260"/>
        <source>作废证照 {number} 并重新出证，请填写原因：</source>
        <translation>Void licence {number} and issue a new one; reason:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="266"/>
        <source>确认作废</source>
        <translation>Confirm void</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="267"/>
        <source>确定作废证照 {number}？作废后原证照扫码将显示无效。</source>
        <translation>Void licence {number}? Scanning the old licence will then show it as invalid.</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="278"/>
        <source>已作废 {old}，新证照 {new}</source>
        <translation>Voided {old}; new licence {new}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/review_queue.py" line="139"/>
        <source>办件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="140"/>
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="141"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="142"/>
        <source>改革方式</source>
        <translation>Reform mode</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="143"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="144"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="145"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="304"/>
        <source>（暂定：该年度节假日安排未公布，日历更新后重新计算）</source>
        <translation> (provisional: that year&apos;s holidays are not yet published; recomputed when they are)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="306"/>
        <source>办理时限：{due}</source>
        <translation>Time limit: {due}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="310"/>
        <source>已超期 {days} 个工作日</source>
        <translation>Overdue by {days} working days</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="312"/>
        <source>即将到期：剩余 {days} 个工作日</source>
        <translation>Due soon: {days} working days left</translation>
    </message>
</context>
<context>
    <name>RatingPad</name>
    <message>
        <location filename="../../ui/rating_pad.py" line="20"/>
        <source>请对本次服务进行评价</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="23"/>
        <source>办件 {number}
请您对本次服务进行评价</source>
        <translation>Case {number}
Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="28"/>
        <source>请告诉我们哪里做得不好（不满意时必填）</source>
        <translation>Tell us what went wrong (required when dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="31"/>
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="37"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="38"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="39"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="40"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="41"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="78"/>
        <source>您选择了“{level}”，请填写原因后提交</source>
        <translation>You chose “{level}”: please say why, then submit</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="88"/>
        <source>请填写不满意的原因，我们会在 15 个工作日内整改并回访</source>
        <translation>Please tell us why; we will put it right within 15 working days and call you back</translation>
    </message>
</context>
<context>
    <name>RectificationsScreen</name>
    <message>
        <location filename="../../ui/rectifications_screen.py" line="35"/>
        <source>回访记录：整改措施和申请人意见</source>
        <translation>Follow-up record: the measures taken and the applicant&apos;s view</translation>
    </message>
    <message>
        <location filename="../../ui/rectifications_screen.py" line="36"/>
        <source>整改完成并回访</source>
        <translation>Rectified and followed up</translation>
    </message>
    <message>
        <location filename="../../ui/rectifications_screen.py" line="43"/>
        <source>待整改的差评（15 个工作日内整改并回访）：</source>
        <translation>Poor ratings to rectify (rectify and follow up within 15 working days):</translation>
    </message>
    <message>
        <location filename="../../ui/rectifications_screen.py" line="57"/>
        <source>{level}：{comment}&#x3000;限 {due} 前完成</source>
        <translation>{level}: {comment}&#x3000;due by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/rectifications_screen.py" line="63"/>
        <source>待整改 {count} 件</source>
        <translation>{count} to rectify</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../ui/review_queue.py" line="96"/>
        <source>已由 {who} 认领（本人）</source>
        <translation>Claimed by {who} (you)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="97"/>
        <source>已由 {who} 认领</source>
        <translation>Claimed by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="107"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="116"/>
        <source>已超期 {days} 天</source>
        <translation>Overdue {days} days</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="118"/>
        <source>{days}（即将到期）</source>
        <translation>{days} (due soon)</translation>
    </message>
</context>
<context>
    <name>ReviewQueueScreen</name>
    <message>
        <location filename="../../ui/review_queue.py" line="337"/>
        <source>办件编号、市场主体名称、统一社会信用代码或事项，回车查询</source>
        <translation>Case no., business name, USCC or matter, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="347"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="356"/>
        <source>按办理时限</source>
        <translation>By time limit</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="357"/>
        <source>按办件编号</source>
        <translation>By case no.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="358"/>
        <source>按市场主体</source>
        <translation>By business</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="362"/>
        <source>降序</source>
        <translation>Descending</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="364"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="403"/>
        <source>认领 (Ctrl+L)</source>
        <translation>Claim (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="404"/>
        <source>释放 (Ctrl+Shift+L)</source>
        <translation>Release (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="405"/>
        <source>准予许可 (Ctrl+Enter)</source>
        <translation>Grant (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="406"/>
        <source>不予许可… (Ctrl+D)</source>
        <translation>Deny… (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="407"/>
        <source>补正… (Ctrl+B)</source>
        <translation>Supplement… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="423"/>
        <source>正在载入审批队列…</source>
        <translation>Loading the review queue…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="429"/>
        <source>查询(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="433"/>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="437"/>
        <source>排序(&amp;O)：</source>
        <translation>&amp;Order:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="448"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="450"/>
        <source>审批队列 — {who}&#x3000;（红底“已超期”，黄底“即将到期”：剩余 3 个工作日以内）</source>
        <translation>Review queue — {who}&#x3000;(red &quot;overdue&quot;; amber &quot;due soon&quot;: 3 working days or fewer)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="483"/>
        <source>审批队列 — 帮助</source>
        <translation>Review queue — help</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="486"/>
        <source>↑↓ 选择办件，回车或 Ctrl+L 认领，Ctrl+Shift+L 释放；
Ctrl+Enter 准予许可，Ctrl+D 不予许可（须填写理由并确认，不可撤销），Ctrl+B 补正（只能勾选事项清单所列材料）；
Ctrl+F 查询，F5 刷新。点击“办件编号”“市场主体”“办理时限”列标题排序。
红底“已超期”：已超过办理时限；黄底“即将到期”：剩余 3 个工作日以内。</source>
        <translation>↑↓ choose a case; Enter or Ctrl+L claims, Ctrl+Shift+L releases;
Ctrl+Enter grants, Ctrl+D denies (a reason and a confirmation; cannot be undone), Ctrl+B asks for a supplement (only materials on the catalog);
Ctrl+F finds, F5 refreshes. Click the case no., business or time-limit headers to sort.
Red &quot;overdue&quot;: past the time limit; amber &quot;due soon&quot;: 3 working days or fewer left.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="520"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="555"/>
        <source>没有符合条件的办件</source>
        <translation>No case matches</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="557"/>
        <source>共 {total} 件，已载入 {count} 件</source>
        <translation>{total} in all, {count} loaded</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="563"/>
        <source>审批队列未能载入</source>
        <translation>The review queue could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="591"/>
        <source>未选中办件</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="596"/>
        <source>当前：{number}&#x3000;{name}（{uscc}）&#x3000;{matter}&#x3000;{state}&#x3000;办理时限 {due}&#x3000;剩余工作日 {left}</source>
        <translation>Current: {number}&#x3000;{name} ({uscc})&#x3000;{matter}&#x3000;{state}&#x3000;due {due}&#x3000;working days left {left}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="617"/>
        <source>已认领 {number}「{matter}」，可以办理</source>
        <translation>Claimed {number} “{matter}”: you may decide it</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="620"/>
        <source>已释放 {number}「{matter}」，其他审批人员可以认领</source>
        <translation>Released {number} “{matter}”: others may claim it</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="623"/>
        <source>已准予许可：{number}「{matter}」</source>
        <translation>Granted: {number} “{matter}”</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="631"/>
        <source>不予许可</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="632"/>
        <source>{number}「{matter}」不予许可，请填写理由（将写入不予许可决定书）：</source>
        <translation>Deny {number} “{matter}”: give the reason (it goes into the decision):</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="637"/>
        <location filename="../../ui/review_queue.py" line="654"/>
        <source>已取消不予许可</source>
        <translation>Denial cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="641"/>
        <source>不予许可必须填写理由，未作任何处理</source>
        <translation>A denial needs a reason; nothing was done</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="646"/>
        <source>确认不予许可</source>
        <translation>Confirm denial</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="647"/>
        <source>确定对 {number}「{matter}」作出不予许可决定？
理由：{reason}
此决定不可撤销。</source>
        <translation>Deny {number} “{matter}”?
Reason: {reason}
This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="659"/>
        <source>已不予许可：{number}「{matter}」</source>
        <translation>Denied: {number} “{matter}”</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="670"/>
        <source>正在读取事项清单中的材料…</source>
        <translation>Reading the materials from the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="690"/>
        <source>已取消补正</source>
        <translation>Supplement cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="693"/>
        <source>请至少勾选一项需补正的材料</source>
        <translation>Tick at least one missing material</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="698"/>
        <source>已通知补正：{number}「{matter}」，缺少 {count} 项材料</source>
        <translation>Supplement requested: {number} “{matter}”, {count} material(s) missing</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="709"/>
        <source>请先在队列中选中一个办件</source>
        <translation>Select a case in the queue first</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="728"/>
        <source>正在办理 {number}…</source>
        <translation>Working on {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="747"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="752"/>
        <source>程序出现内部错误，已录入的数据不会丢失</source>
        <translation>An internal error occurred; nothing entered is lost</translation>
    </message>
</context>
<context>
    <name>RulesScreen</name>
    <message>
        <location filename="../../ui/rules_screen.py" line="54"/>
        <source>事项编码，用逗号分隔，如 SCJG-01, SCJG-02</source>
        <translation>Matter codes, separated by commas, e.g. SCJG-01, SCJG-02</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="55"/>
        <location filename="../../ui/rules_screen.py" line="98"/>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="59"/>
        <source>保存为新版本 (Ctrl+S)</source>
        <translation>Save as new version (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="63"/>
        <source>办件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="64"/>
        <source>用此办件测试规则</source>
        <translation>Test the rule on this case</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="69"/>
        <source>规则编码：</source>
        <translation>Rule code:</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="70"/>
        <source>规则名称：</source>
        <translation>Rule name:</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="71"/>
        <source>适用事项：</source>
        <translation>Applies to matters:</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="73"/>
        <source>条件（全部满足才自动准予）：</source>
        <translation>Conditions (granted automatically only when all hold):</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="98"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="120"/>
        <source>条件不是有效的 JSON：第 {line} 行 {msg}</source>
        <translation>The conditions are not valid JSON: line {line}: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="124"/>
        <source>条件应为 JSON 数组，每项是一个对象</source>
        <translation>The conditions should be a JSON array of objects</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="137"/>
        <source>已保存 {code} 第 {version} 版；已办结的办件保留原版本</source>
        <translation>Saved {code} version {version}; decided cases keep the version they used</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="150"/>
        <source>请输入要测试的办件编号</source>
        <translation>Enter the case number to try the rule on</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="158"/>
        <source>自动准予</source>
        <translation>Granted automatically</translation>
    </message>
    <message>
        <location filename="../../ui/rules_screen.py" line="158"/>
        <source>不自动准予</source>
        <translation>Not granted automatically</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="51"/>
        <source>行业或经营范围：中文或拼音首字母（bld → 便利店，spjy → 食品经营），也可粘贴整段经营范围</source>
        <translation>Industry or business scope: Chinese or pinyin initials (bld → 便利店, spjy → 食品经营), or paste a whole business scope</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="60"/>
        <source>移除所选 (Delete)</source>
        <translation>Remove selected (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="74"/>
        <source>事项名称</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="74"/>
        <source>改革方式</source>
        <translation>Reform mode</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="74"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="74"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="93"/>
        <source>查找：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="95"/>
        <source>↓ 进入结果，回车选中；粘贴的整段经营范围回车后全部加入。</source>
        <translation>↓ enters the results, Enter chooses; Enter on a pasted business scope adds all of it.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="98"/>
        <source>已选择：</source>
        <translation>Chosen:</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="115"/>
        <source>经营范围 / 行业</source>
        <translation>Business scope / industry</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="167"/>
        <location filename="../../ui/intake/scope_page.py" line="295"/>
        <source>正在载入事项清单…</source>
        <translation>Loading the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="169"/>
        <source>输入后在此列出行业和经营范围规范表述</source>
        <translation>Industries and standard business-scope terms are listed here as you type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="185"/>
        <source>识别</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="188"/>
        <source>未识别：{term}（不是规范表述，请查找后单独选择）</source>
        <translation>Not recognised: {term} (not a standard term; search for it and choose it separately)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="196"/>
        <source>没有找到；可换个说法，或用拼音首字母</source>
        <translation>Nothing found; try other words, or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="206"/>
        <source>【行业】{name}（{count} 项许可，一业一证）</source>
        <translation>[Industry] {name} ({count} permit(s), one licence per industry)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="210"/>
        <source>（无需许可）</source>
        <translation>(no permit needed)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="214"/>
        <source>许可</source>
        <translation>Licensed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="214"/>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="219"/>
        <source>{prefix}：{text}</source>
        <translation>{prefix}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="301"/>
        <source>【行业】{name}</source>
        <translation>[Industry] {name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="310"/>
        <source>以下表述不是经营范围规范表述，未计入：{terms}</source>
        <translation>Not standard business-scope terms, left out: {terms}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="321"/>
        <source>{kind}：{industries}</source>
        <translation>{kind}: {industries}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="323"/>
        <source>请先选择行业或经营范围</source>
        <translation>Choose an industry or business scope first</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="326"/>
        <source>准入即营：所选经营范围无需办理许可，凭营业执照即可开展经营</source>
        <translation>May operate on registration: the chosen scope needs no permit; the business licence is enough to start trading</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="330"/>
        <source>需办理的事项：{count} 项</source>
        <translation>Matters to handle: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scope_page.py" line="344"/>
        <source>{name}（{code}）
审批部门：{department}</source>
        <translation>{name} ({code})
Approving department: {department}</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../ui/statistics_screen.py" line="77"/>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="78"/>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="79"/>
        <source>统计</source>
        <translation>Compute</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="80"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="81"/>
        <location filename="../../ui/statistics_screen.py" line="340"/>
        <source>导出PDF报告</source>
        <translation>Export PDF report</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="87"/>
        <source>按改革方式的事项数</source>
        <translation>Matters by reform mode</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="88"/>
        <source>分期事项数与准入即营</source>
        <translation>Matters and operate-on-registration by period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="97"/>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="99"/>
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="101"/>
        <source>分期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="157"/>
        <source>正在统计……</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="177"/>
        <source>{title}&#x3000;{period}（{split}）&#x3000;截至 {as_of}</source>
        <translation>{title}&#x3000;{period} ({split})&#x3000;as of {as_of}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="186"/>
        <source>受理办件 {applications} 件，涉及事项 {items} 项；准入即营 {immediate} 项（{share}）；审批办结 {reviewed} 项，平均用时 {days} 个工作日（平均时限 {limit}）；逾期 {overdue} 项（逾期率 {overdue_rate}）；评价 {ratings} 件，好评率 {good_rate}；差评整改完成率 {rectified}</source>
        <translation>{applications} cases accepted, {items} matters; {immediate} operate on registration ({share}); {reviewed} decided in {days} working days on average (average time limit {limit}); {overdue} overdue (overdue rate {overdue_rate}); {ratings} ratings, {good_rate} good; poor ratings rectified: {rectified}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="207"/>
        <location filename="../../ui/statistics_screen.py" line="215"/>
        <source>事项数</source>
        <translation>Matters</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="209"/>
        <source>分期事项数与准入即营（{split}）</source>
        <translation>Matters and operate-on-registration ({split})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="216"/>
        <source>准入即营</source>
        <translation>Operate on registration</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="224"/>
        <source>统计期间内没有受理的办件，也没有服务评价</source>
        <translation>No cases accepted and no service ratings in this period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="226"/>
        <source>统计完成</source>
        <translation>Statistics computed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="279"/>
        <source>说明：{note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="324"/>
        <source>导出Excel台账</source>
        <translation>Export the ledger to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="324"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="340"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="357"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="363"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_screen.py" line="370"/>
        <source>无法写入文件：{error}</source>
        <translation>Cannot write the file: {error}</translation>
    </message>
</context>
<context>
    <name>SupervisionFeedbackScreen</name>
    <message>
        <location filename="../../ui/linkage_screen.py" line="60"/>
        <source>本部门（{department}）收到的监管反馈</source>
        <translation>Supervision feedback received by my department ({department})</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="62"/>
        <source>本大厅各审批部门收到的监管反馈</source>
        <translation>Supervision feedback received by every approving department of the hall</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="65"/>
        <source>显示已处理</source>
        <translation>Show handled</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="66"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="83"/>
        <source>处理说明（可选）：如已约谈整改、已撤销许可</source>
        <translation>Note (optional): e.g. met the business about rectification, permit revoked</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="84"/>
        <source>处理/已阅</source>
        <translation>Handled / read</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="118"/>
        <source>证照/许可证号</source>
        <translation>Licence / permit no.</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="119"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="120"/>
        <source>审批部门</source>
        <translation>Approving department</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="121"/>
        <source>监管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="122"/>
        <source>监管措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="123"/>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="124"/>
        <source>作出时间</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="125"/>
        <source>反馈时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="126"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="127"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="134"/>
        <source>已处理（逾期反馈）</source>
        <translation>Handled (feedback was late)</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="134"/>
        <source>已处理</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="136"/>
        <source>逾期反馈</source>
        <translation>Late feedback</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="138"/>
        <source>已超期未处理</source>
        <translation>Overdue, not handled</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="139"/>
        <source>待处理</source>
        <translation>To handle</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="198"/>
        <source>共 {count} 条；待处理 {open} 条，其中已超期未处理 {overdue} 条；逾期反馈 {late} 条</source>
        <translation>{count} in all; {open} to handle, {overdue} of them overdue; {late} late feedback</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="201"/>
        <source>没有待处理的监管反馈</source>
        <translation>No supervision feedback to handle</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="242"/>
        <source>{department}（{measure}）：{text}</source>
        <translation>{department} ({measure}): {text}</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="248"/>
        <source>已由 {who} 于 {time} 处理{note}</source>
        <translation>Handled by {who} at {time}{note}</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="251"/>
        <source>：{note}</source>
        <translation>: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/linkage_screen.py" line="274"/>
        <source>监管反馈 {id} 已处理</source>
        <translation>Supervision feedback {id} handled</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/review_dialogs.py" line="49"/>
        <source>补正 — {number}</source>
        <translation>Supplement — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="53"/>
        <source>事项“{matter}”（事项清单 {catalog}）。请勾选申请人需补正的全部材料，一次性告知；清单以外的材料不得要求提交。</source>
        <translation>Matter “{matter}” (catalog {catalog}). Tick every material the applicant must still provide, all at once; nothing outside the catalog may be required.</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="63"/>
        <source>（{copies} 份）</source>
        <translation> ({copies} copies)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="65"/>
        <source>&#x3000;［受理时已收］</source>
        <translation>&#x3000;[received at intake]</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="77"/>
        <source>出具补正通知</source>
        <translation>Issue the supplement notice</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="78"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="111"/>
        <source>已勾选 {count} 项材料</source>
        <translation>{count} material(s) ticked</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="113"/>
        <source>请至少勾选一项需补正的材料（空格键勾选）</source>
        <translation>Tick at least one missing material (Space ticks)</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ui/sync_status.py" line="134"/>
        <source>中心平台拒收的办件事件，需管理员核对后重新推送（onewindow sync retry）</source>
        <translation>Case events the central platform refused; an administrator checks them and sends them again (onewindow sync retry)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="143"/>
        <location filename="../../ui/sync_status.py" line="333"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="146"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="149"/>
        <source>授权继续受理…</source>
        <translation>Allow intake to continue…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="176"/>
        <source>同步：正在读取…</source>
        <translation>Sync: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="225"/>
        <source>同步：状态读取失败</source>
        <translation>Sync: status could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="243"/>
        <source>正在读取…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="245"/>
        <source>单机模式</source>
        <translation>standalone</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="247"/>
        <source>由本厅另一台电脑负责同步</source>
        <translation>another computer of the hall syncs</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="249"/>
        <source>未能同步</source>
        <translation>could not sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="252"/>
        <location filename="../../ui/sync_status.py" line="256"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="253"/>
        <location filename="../../ui/sync_status.py" line="259"/>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="253"/>
        <source>在线（部分未完成）</source>
        <translation>online (partly done)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="258"/>
        <source>尚未同步</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="268"/>
        <source>同步：{state}</source>
        <translation>Sync: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="273"/>
        <source>中心平台：{url}</source>
        <translation>Central platform: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="284"/>
        <source>上次成功同步：{time}</source>
        <translation>Last synced: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="276"/>
        <location filename="../../ui/sync_status.py" line="284"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="69"/>
        <source>上传办件事件</source>
        <translation>Case events sent</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="70"/>
        <source>事项清单</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="71"/>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="72"/>
        <source>信任列表</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="73"/>
        <source>证照状态</source>
        <translation>Licence status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="74"/>
        <source>监管反馈</source>
        <translation>Supervision feedback</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="75"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="76"/>
        <source>网上申请</source>
        <translation>Online applications</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="281"/>
        <source>各类数据上次成功同步：</source>
        <translation>Last successful sync by data type:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="286"/>
        <source>待上传 {count}</source>
        <translation>To send: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="287"/>
        <source>需处理 {count}</source>
        <translation>Need attention: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="290"/>
        <source>已暂停新受理</source>
        <translation>Intake paused</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="302"/>
        <source>本机未注册到中心平台（单机模式）</source>
        <translation>This computer is not enrolled with the central platform (standalone)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="306"/>
        <source>立即与中心平台同步：上传办件事件，下载事项清单、用户、网上申请等</source>
        <translation>Sync with the central platform now: send case events; fetch the catalog, users, online applications…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="329"/>
        <source>同步：正在连接中心平台…</source>
        <translation>Sync: connecting to the central platform…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="354"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="364"/>
        <source>同步：{stage} {done}/{total}</source>
        <translation>Sync: {stage} {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="369"/>
        <source>同步：{stage}（已收到 {done} 条）</source>
        <translation>Sync: {stage} ({done} received)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="266"/>
        <source>同步：已取消（{state}）</source>
        <translation>Sync: cancelled ({state})</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="397"/>
        <source>程序内部错误</source>
        <translation>internal error</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="400"/>
        <source>同步未完成</source>
        <translation>Sync not completed</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <location filename="../../ui/verify_screen.py" line="42"/>
        <source>请用扫码枪扫描证照二维码（或粘贴二维码内容后按回车）</source>
        <translation>Scan the licence QR code (or paste its text and press Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="45"/>
        <source>从图片验证…</source>
        <translation>Verify from an image…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="47"/>
        <source>等待扫码</source>
        <translation>Waiting for a scan</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55"/>
        <source>许可事项</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55"/>
        <source>事项编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="67"/>
        <source>二维码内容：</source>
        <translation>QR text:</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="90"/>
        <source>选择含二维码的图片</source>
        <translation>Choose an image with a QR code</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="90"/>
        <source>图片 (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="99"/>
        <source>正在验证…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="105"/>
        <source>验证未完成</source>
        <translation>Verification not done</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="121"/>
        <source>证照编号：{number}&#x3000;发证日期：{issued}&#x3000;发证机关：{authority}</source>
        <translation>Licence {number}&#x3000;issued {issued}&#x3000;by {authority}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="126"/>
        <source>市场主体：{name}&#x3000;统一社会信用代码：{uscc}</source>
        <translation>Business: {name}&#x3000;USCC: {uscc}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="137"/>
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
</context>
</TS>
